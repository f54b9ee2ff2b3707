#!/bin/sh
# Runs a command with a real Secret Service: a private D-Bus session (dbus-run-session) with gnome-keyring-daemon on
# it, its login keyring created and unlocked at start (a locked keyring would pop up an unlock prompt and hang the
# test). The keyring's files live in a temporary directory, away from the user's own keyring and from the files the
# command writes; the daemon ends with the session.
# Usage: tests/keychain/with-keyring.sh COMMAND [ARGS...]
set -eu
if [ -z "${KAFSCOPE_KEYRING_SESSION:-}" ]; then
    command -v dbus-run-session > /dev/null && command -v gnome-keyring-daemon > /dev/null || {
        echo "with-keyring.sh: needs dbus-run-session and gnome-keyring-daemon (scripts/install-deps --test)" >&2
        exit 1
    }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/kafscope-keyring.XXXXXX")
    status=0
    KAFSCOPE_KEYRING_SESSION=$dir dbus-run-session -- "$0" "$@" || status=$?
    rm -rf "$dir"
    exit "$status"
fi
dir=$KAFSCOPE_KEYRING_SESSION
mkdir -p "$dir/data" "$dir/run"
chmod 700 "$dir/run"
# The daemon keeps its keyrings under $XDG_DATA_HOME/keyrings; the command keeps the caller's XDG_DATA_HOME.
printf 'kafscope-test-keyring' | XDG_DATA_HOME=$dir/data XDG_RUNTIME_DIR=$dir/run \
    gnome-keyring-daemon --unlock --components=secrets > /dev/null
exec "$@"
