#!/usr/bin/python3
# test-publish-queue.py — a publish survives the application's death
#
# This computer's hub runs as its own process (`vitrine-hub serve
# --register`, as the application starts it), behind a small TCP relay of
# the test's that counts what goes to the hub and slows uploads down, so
# that "in the middle of the upload" is a state the test can wait for
# rather than a moment it has to hit.  The discovery file names the relay:
# the application reaches the hub through it, and so do the upload
# addresses the hub hands out (built from the Host header).
#
# The real `vitrine FOLDER` publishes a folder with a large file through
# the wizard (driven over AT-SPI); once a quarter of the large file is
# through, the application is killed with SIGKILL.  Started again, its
# Publish page lists the interrupted publish with Resume; one click, and
# the repository ends byte for byte equal to the folder, while the bytes
# that went to the hub over both runs show the large file was sent once
# (what was through before the kill was not sent again).
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import *  # noqa: E402,F401,F403

LARGE_MB = 160
# Uploads go no faster than this while the relay slows them.
SLOW_RATE = 16 * 1024 * 1024
# What a resume may send again: the parts under way at the kill (8 MiB
# each, a few at a time), and the small files and requests of two runs.
SLACK = 48 * 1024 * 1024


class Relay:
    """A TCP relay to the hub that counts and may slow what goes to it."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.sent = 0          # bytes from the clients to the hub
        self.slow = True
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.ready.wait()

    def _run(self):
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._client, '127.0.0.1', 0))
        self.port = self.server.sockets[0].getsockname()[1]
        self.budget_time = self.loop.time()
        self.ready.set()
        self.loop.run_forever()

    async def _pace(self, n):
        # One budget for every connection: uploads in parallel share it.
        if not self.slow:
            return
        now = self.loop.time()
        self.budget_time = max(self.budget_time, now) + n / SLOW_RATE
        if self.budget_time > now:
            await asyncio.sleep(self.budget_time - now)

    async def _pipe(self, reader, writer, upstream):
        try:
            while True:
                data = await reader.read(64 * 1024)
                if not data:
                    break
                if upstream:
                    self.sent += len(data)
                    await self._pace(len(data))
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def _client(self, reader, writer):
        try:
            up_reader, up_writer = await asyncio.open_connection('127.0.0.1', self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._pipe(reader, up_writer, True), self._pipe(up_reader, writer, False))


def start_hub(data_dir):
    hub = subprocess.Popen([os.environ['VITRINE_HUB_EXE'], 'serve', '--data-dir', data_dir, '--register'],
                           stdout=subprocess.PIPE, text=True)
    url = hub.stdout.readline().strip()
    if not url.startswith('http://127.0.0.1:'):
        raise TestFailure('the hub did not start: %r' % url)
    return hub, url


def main():
    print('1..1', flush=True)
    tmp = tempfile.mkdtemp(prefix='vitrine-queue-')
    folder = make_model_folder(tmp, 'resumed-model', LARGE_MB)
    large = LARGE_MB * 1024 * 1024
    hub, hub_url = start_hub(hub_data_dir())
    relay = Relay(int(hub_url.rsplit(':', 1)[1]))
    vitrine = None
    try:
        # The application reaches the hub through the relay.
        discovery = os.path.join(os.environ['XDG_RUNTIME_DIR'], 'vitrine', 'local-hub.json')
        with open(discovery) as f:
            found = json.load(f)
        found['url'] = 'http://127.0.0.1:%d' % relay.port
        with open(discovery + '.new', 'w') as f:
            json.dump(found, f)
        os.rename(discovery + '.new', discovery)

        vitrine = start_vitrine(folder)
        app = application(vitrine)
        for _ in range(3):
            press_button(app, 'Next')
        set_text(find(app, 'text', 'Search licenses'), 'apache-2.0')
        focus(find(app, 'text', 'Search licenses'))
        press_keys(RETURN)
        press_button(app, 'Next')
        set_text(find(app, 'text', 'Repository Name'), 'resumed-model')
        press_button(app, 'Next')
        press_button(app, 'Publish')

        # Killed in the middle of the upload.
        before = relay.sent
        wait_for('a quarter of the large file to go through',
                 lambda: relay.sent - before > large // 4, interval=0.01)
        vitrine.send_signal(signal.SIGKILL)
        vitrine.wait()
        at_kill = relay.sent - before
        log('killed with %d MiB of %d through' % (at_kill >> 20, LARGE_MB))
        if at_kill >= large:
            raise TestFailure('the upload was over before the kill')
        relay.slow = False

        # Started again: the Publish page offers to resume, and resumes.
        vitrine = start_vitrine()
        app = application(vitrine)
        me = cli('whoami').stdout.split()[0]
        repo = me + '/resumed-model'
        find(app, 'list item', contains='%s: Interrupted' % repo, what='the interrupted publish')
        press_button(app, 'Resume publishing %s' % repo)
        find(app, 'button', 'Publish Another Model…', what='the resumed publish to finish')
        total = relay.sent - before
        log('%d MiB went to the hub for a %d MiB file' % (total >> 20, LARGE_MB))
        if total < large:
            raise TestFailure('less than the large file went to the hub: %d' % total)
        if total > large + SLACK:
            raise TestFailure('the large file went again: %d bytes for %d' % (total, large))

        # Byte for byte the folder (without its .env), with its card.
        out = os.path.join(tmp, 'downloaded')
        cli('download', repo, '--to', out)
        os.unlink(os.path.join(folder, '.env'))
        same_files(out, folder, ignore=('.gitattributes', '.cache'))
        print('ok 1 /app/publish-queue/kill-and-resume', flush=True)
        code = 0
    except Exception as e:
        if vitrine is not None and vitrine.poll() is None:
            try:
                dump(application(vitrine))
            except Exception:
                pass
        print('not ok 1 /app/publish-queue/kill-and-resume # %s' % e, flush=True)
        code = 1
    if vitrine is not None:
        stop(vitrine)
    stop(hub)
    shutil.rmtree(tmp, ignore_errors=True)
    return code


if __name__ == '__main__':
    sys.exit(main())
