#!/usr/bin/python3
# test-publish-atspi.py — publishing through the wizard, driven only
# through the accessibility tree, as assistive technology would
#
# The real `vitrine FOLDER` runs under the test's X server and bus; every
# control is found by its role and its name over AT-SPI, buttons are
# pressed with their action, text is typed through EditableText, and keys
# go through the registry (Enter in the license search, Ctrl+Return for
# Next).  The folder (a large file and a .env) is published as a private
# repository with an `other` license; the hub then holds exactly the
# folder's files and the card, without the .env, the repository is
# private, and another user of the hub does not see it.
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import *  # noqa: E402,F401,F403


def api(url, token):
    request = urllib.request.Request(url, headers={'Authorization': 'Bearer ' + token})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def main():
    print('1..1', flush=True)
    tmp = tempfile.mkdtemp(prefix='vitrine-atspi-')
    folder = make_model_folder(tmp, 'bert-atspi', 30)
    vitrine = start_vitrine(folder)
    try:
        app = application(vitrine)

        # Folder: the .env is found, and stays out unless included.
        secret = find(app, 'switch', 'Publish .env', what='the switch of the .env')
        if secret.getState().contains(pyatspi.STATE_CHECKED):
            raise TestFailure('the .env would be published')
        find(app, 'label', contains='large file')
        # On with Ctrl+Return, wherever the focus is (the window starts
        # with it in the header bar, outside the wizard).
        wait_for('the folder step to be complete',
                 lambda: sensitive(find(app, 'button', 'Next')))
        press_keys(RETURN, control=True)

        # Model Card: on with Ctrl+Return, from the keyboard.
        wait_for('the card step to be complete',
                 lambda: sensitive(find(app, 'button', 'Next')) and
                 find_all(app, 'list item', contains='Model Card: current step'))
        press_keys(RETURN, control=True)

        # License: searched, taken with Enter; `other` asks for its name and link.
        search = find(app, 'text', 'Search licenses', what='the license search')
        set_text(search, 'other')
        press_keys(RETURN)
        set_text(find(app, 'text', 'License Name'), 'Vitrine AT-SPI License')
        set_text(find(app, 'text', 'Link to the License'), 'https://example.org/license')
        press_button(app, 'Next')

        # Destination: the name, private by default.
        name = find(app, 'text', 'Repository Name')
        set_text(name, 'bert-atspi-test')
        private = find(app, 'radio button', 'Private')
        if not private.getState().contains(pyatspi.STATE_CHECKED):
            raise TestFailure('a new repository is not private by default')
        press_button(app, 'Next')

        # Review, then Publish.
        find(app, 'label', contains='3 added', what='the changes since the last publish')
        press_button(app, 'Publish')
        find(app, 'button', 'Publish Another Model…', what='the done page')
        log('published')

        # What the hub holds.
        me = cli('whoami').stdout.split()[0]
        repo = me + '/bert-atspi-test'
        hub_url = local_hub()['url'].rstrip('/')
        token = hub('token', 'add', me, '--role', 'read', '--data-dir', hub_data_dir())
        info = api('%s/api/models/%s' % (hub_url, repo), token)
        if info.get('private') is not True:
            raise TestFailure('the repository is not private: %s' % info)
        out = os.path.join(tmp, 'downloaded')
        cli('--token', token, 'download', repo, '--to', out)
        with open(os.path.join(out, 'README.md')) as f:
            card = f.read()
        # The front matter's keys, their values unquoted.
        front = card.split('---\n')[1]
        metadata = dict((k.strip(), v.strip().strip('"')) for k, _, v in
                        (line.partition(':') for line in front.splitlines() if ':' in line))
        for key, value in (('license', 'other'), ('license_name', 'Vitrine AT-SPI License'),
                           ('license_link', 'https://example.org/license')):
            if metadata.get(key) != value:
                raise TestFailure('the card says %s: %s, not %s:\n%s' % (key, metadata.get(key), value, card))
        os.unlink(os.path.join(folder, '.env'))
        shutil.copy(os.path.join(out, 'README.md'), os.path.join(folder, 'README.md'))
        same_files(out, folder, ignore=('.gitattributes', '.cache'))

        # Another user does not see it.
        bob = hub('user', 'add', 'bob', '--data-dir', hub_data_dir())
        try:
            api('%s/api/models/%s' % (hub_url, repo), bob)
            raise TestFailure('another user sees the private repository')
        except urllib.error.HTTPError as e:
            if e.code not in (401, 404):
                raise
        print('ok 1 /app/publish-atspi/end-to-end', flush=True)
    except Exception as e:
        try:
            dump(application(vitrine))
        except Exception:
            pass
        print('not ok 1 /app/publish-atspi/end-to-end # %s' % e, flush=True)
        stop(vitrine)
        shutil.rmtree(tmp, ignore_errors=True)
        return 1
    stop(vitrine)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
