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
# The real `vitrine FOLDER` publishes a folder with two large files
# through the wizard (driven over AT-SPI); once the hub has stored one of
# them whole, while the other is still on its way, the application is
# killed with SIGKILL.  Started again, its Publish page lists the
# interrupted publish with Resume; one click, and the repository ends byte
# for byte equal to the folder, while the bytes that went to the hub after
# the kill show the large file it had was not sent again: only what it
# still lacked went.  (The Hub's protocol has no way to ask which parts of
# an unfinished large file arrived: the other one goes again whole.)
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

# The large file the hub will have whole at the kill (in one request,
# under the multipart threshold), and the one it will lack (in parts).
SMALL_LARGE_MB = 12
LARGE_MB = 160
# Uploads go no faster than this while the relay slows them.
SLOW_RATE = 16 * 1024 * 1024
# What else goes to the hub after the kill: the small files, the card,
# the requests and the commit.
SLACK = 4 * 1024 * 1024


class Relay:
    """A TCP relay to the hub that counts and may slow what goes to it."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.sent = 0          # bytes from the clients to the hub
        # The same, by the run of the application that opened the
        # connection: what the kernel still held of a killed one's
        # writes goes on to the hub after its death, and counts for it.
        self.run = 0
        self.sent_by_run = {}
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

    async def _pipe(self, reader, writer, upstream, run):
        try:
            while True:
                data = await reader.read(64 * 1024)
                if not data:
                    break
                if upstream:
                    self.sent += len(data)
                    self.sent_by_run[run] = self.sent_by_run.get(run, 0) + len(data)
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
        run = self.run
        try:
            up_reader, up_writer = await asyncio.open_connection('127.0.0.1', self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._pipe(reader, up_writer, True, run), self._pipe(up_reader, writer, False, run))


def start_hub(data_dir):
    hub = subprocess.Popen([os.environ['VITRINE_HUB_EXE'], 'serve', '--data-dir', data_dir, '--register'],
                           stdout=subprocess.PIPE, text=True)
    url = hub.stdout.readline().strip()
    if not url.startswith('http://127.0.0.1:'):
        raise TestFailure('the hub did not start: %r' % url)
    return hub, url


def stored_objects():
    """The large files the hub holds whole, by size."""
    found = []
    for d, _, files in os.walk(os.path.join(hub_data_dir(), 'lfs', 'objects')):
        found += [os.path.getsize(os.path.join(d, f)) for f in files]
    return found


def main():
    print('1..1', flush=True)
    tmp = tempfile.mkdtemp(prefix='vitrine-queue-')
    folder = make_model_folder(tmp, 'resumed-model', LARGE_MB)
    large = LARGE_MB * 1024 * 1024
    first = SMALL_LARGE_MB * 1024 * 1024
    # A second large file, smaller, of other bytes.
    with open(os.path.join(folder, 'weights.bin'), 'rb') as f, \
         open(os.path.join(folder, 'tokenizer.bin'), 'wb') as out:
        out.write(bytes(b ^ 0x5a for b in f.read(first)))
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
        for _ in range(2):
            press_button(app, 'Next')
        set_text(find(app, 'text', 'Search licenses'), 'apache-2.0')
        press_keys(RETURN)
        press_button(app, 'Next')
        set_text(find(app, 'text', 'Repository Name'), 'resumed-model')
        press_button(app, 'Next')
        press_button(app, 'Publish')

        # Killed once one large file is stored and the other on its way.
        wait_for('the smaller large file stored whole', lambda: first in stored_objects(), interval=0.01)
        vitrine.send_signal(signal.SIGKILL)
        vitrine.wait()
        relay.run = 1
        at_kill = relay.sent
        log('killed with %d MiB through, %s stored' % (at_kill >> 20, stored_objects()))
        if large in stored_objects() or at_kill >= first + large:
            raise TestFailure('the kill did not come in the middle of the upload')
        relay.slow = False

        # Started again: the Publish page offers to resume, and resumes.
        vitrine = start_vitrine()
        app = application(vitrine)
        me = cli('whoami').stdout.split()[0]
        repo = me + '/resumed-model'
        find(app, 'list item', repo, what='the interrupted publish')
        find(app, 'label', contains='Interrupted', what='the interrupted publish’s state')
        press_button(app, 'Resume publishing %s' % repo)
        find(app, 'button', 'Publish Another Model…', what='the resumed publish to finish')
        after = relay.sent_by_run.get(1, 0)
        log('%d MiB went to the hub after the kill, for large files of %d and %d MiB' %
            (after >> 20, SMALL_LARGE_MB, LARGE_MB))
        # The file the hub lacked went again whole; the one it had did not.
        if after < large:
            raise TestFailure('the large file the hub lacked did not go: %d' % after)
        if after > large + SLACK:
            raise TestFailure('the large file the hub had went again: %d bytes' % after)

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
