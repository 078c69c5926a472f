# atspi_helpers.py — Vitrine as assistive technology sees it: started as a
# program, its controls found in the accessibility tree by role and name,
# used through AT-SPI actions, text and keys.
#
# Shared by test-publish-atspi.py and test-publish-queue.py, which run
# under test-run-isolated (a home, XDG folders and a session bus of their
# own, with the accessibility bus on it) and Debian's python3 with
# python3-pyatspi.
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 120


class TestFailure(Exception):
    pass


def log(message):
    print('# ' + message, flush=True)


def wait_for(what, condition, timeout=TIMEOUT, interval=0.05):
    """Calls condition() until it returns something true, and returns it."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except Exception as e:  # a node went away while it was read
            last_error = e
        time.sleep(interval)
    raise TestFailure('timed out waiting for %s%s' % (what, ' (%s)' % last_error if last_error else ''))


# ---- The program ----------------------------------------------------------

def start_vitrine(*args, env=None):
    exe = os.environ['VITRINE_EXE']
    full_env = dict(os.environ)
    # What is checked is behaviour, not the toolkit's memory.
    full_env['ASAN_OPTIONS'] = 'detect_leaks=0:abort_on_error=1'
    # Drawn with Cairo: under Xvfb, GL is Mesa's software renderer, whose
    # frames can hold the main loop for seconds on a busy machine, and the
    # application meets the accessibility bus only once its loop runs.
    # (How it draws with GL is /app/window/renders.)
    full_env['GDK_DEBUG'] = 'gl-disable'
    full_env['GSK_RENDERER'] = 'cairo'
    if env:
        full_env.update(env)
    log('starting %s %s' % (exe, ' '.join(args)))
    return subprocess.Popen([exe] + list(args), env=full_env)


def application(process):
    """The application's node in the accessibility tree."""
    def find():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == process.pid:
                    return app
            except Exception:
                pass
        return None
    return wait_for('the application on the accessibility bus', find)


# ---- The tree --------------------------------------------------------------

def showing(node):
    """Whether a control is shown.  GTK 4.8 says "visible" of what is
    shown, and leaves out of the tree what is not (a stack's other pages
    among them)."""
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_SHOWING) or states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


# Role names as AT-SPI gives them, for the names tests use.
ROLES = {
    'button': ('push button', 'button'),
    'text': ('text', 'entry', 'password text'),
    # GTK 4.8 presents a GtkSwitch as a check box.
    'switch': ('switch', 'check box', 'toggle button'),
    'radio button': ('radio button', 'check box'),
}


def has_role(node, role):
    return node.getRoleName() in ROLES.get(role, (role,))


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def find_all(root, role, name=None, contains=None, visible=True):
    found = []
    for node in walk(root):
        try:
            if not has_role(node, role):
                continue
            if name is not None and node.name != name:
                continue
            if contains is not None and contains not in node.name:
                continue
            if visible and not showing(node):
                continue
            found.append(node)
        except Exception:
            continue
    return found


def find(root, role, name=None, contains=None, visible=True, what=None):
    """Waits for one control with that role and name, showing."""
    label = what or '%s “%s”' % (role, name if name is not None else contains)
    return wait_for(label, lambda: (find_all(root, role, name, contains, visible) or [None])[0])


def dump(root):
    for node in walk(root):
        try:
            if showing(node):
                log('%s “%s”' % (node.getRoleName(), node.name))
        except Exception:
            pass


def sensitive(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def click(node):
    """The first action of a control: a button's click, a check's toggle."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'toggle', 'press'):
            action.doAction(i)
            return
    action.doAction(0)


def has_actions(node):
    try:
        return node.queryAction().nActions > 0
    except Exception:
        return False


def press_button(root, name, contains=None):
    # A menu button is a button holding the toggle that acts: the one
    # with an action is pressed.
    button = wait_for('button “%s”' % (name or contains),
                      lambda: ([b for b in find_all(root, 'button', name, contains) if has_actions(b)] or [None])[0])
    wait_for('“%s” to be sensitive' % (name or contains), lambda: sensitive(button))
    log('pressing “%s”' % button.name)
    click(button)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def press_keys(keysym, control=False):
    """A key, as the keyboard sends it (XTest, through the registry)."""
    if control:
        pyatspi.Registry.generateKeyboardEvent(4, None, pyatspi.KEY_LOCKMODIFIERS)
    try:
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    finally:
        if control:
            pyatspi.Registry.generateKeyboardEvent(4, None, pyatspi.KEY_UNLOCKMODIFIERS)


RETURN = 0xff0d


# ---- Data and the hub ------------------------------------------------------

def make_model_folder(parent, name, large_mb):
    folder = os.path.join(parent, name)
    os.makedirs(folder)
    with open(os.path.join(folder, 'config.json'), 'w') as f:
        f.write('{"architectures": ["BertForSequenceClassification"], "model_type": "bert"}\n')
    with open(os.path.join(folder, '.env'), 'w') as f:
        f.write('HF_TOKEN=hf_notarealtokenbutitlooksalikeone\n')
    rng = random.Random(7)
    with open(os.path.join(folder, 'weights.bin'), 'wb') as f:
        for _ in range(large_mb):
            f.write(rng.randbytes(1024 * 1024))
    return folder


def cli(*args, check=True, env=None):
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    result = subprocess.run([os.environ['VITRINE_CLI_EXE']] + list(args), capture_output=True, text=True,
                            env=full_env)
    if check and result.returncode != 0:
        raise TestFailure('vitrine-cli %s failed: %s' % (' '.join(args), result.stderr))
    return result


def hub(*args):
    result = subprocess.run([os.environ['VITRINE_HUB_EXE']] + list(args), capture_output=True, text=True)
    if result.returncode != 0:
        raise TestFailure('vitrine-hub %s failed: %s' % (' '.join(args), result.stderr))
    return result.stdout.strip()


def local_hub():
    """This computer's hub, as its discovery file says."""
    path = os.path.join(os.environ['XDG_RUNTIME_DIR'], 'vitrine', 'local-hub.json')
    with open(path) as f:
        return json.load(f)


def hub_data_dir():
    return os.path.join(os.environ.get('XDG_DATA_HOME', os.path.expanduser('~/.local/share')), 'vitrine', 'hub')


def same_files(a, b, ignore=()):
    """Whether two folders hold the same files with the same bytes."""
    def listing(root):
        out = {}
        for d, _, files in os.walk(root):
            for f in files:
                path = os.path.relpath(os.path.join(d, f), root)
                if path.split(os.sep)[0] not in ignore and path not in ignore:
                    out[path] = os.path.join(d, f)
        return out
    la, lb = listing(a), listing(b)
    if sorted(la) != sorted(lb):
        raise TestFailure('different files: %s vs %s' % (sorted(la), sorted(lb)))
    for path in la:
        with open(la[path], 'rb') as fa, open(lb[path], 'rb') as fb:
            if fa.read() != fb.read():
                raise TestFailure('%s differs' % path)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
