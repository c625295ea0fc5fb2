#!/bin/sh
# Runs a Qt GUI program with a display: the current one, or Xvfb when there is none (ctest on
# CI). Mesa's llvmpipe then draws the custom scene-graph nodes the offscreen platform skips.
if [ -z "$DISPLAY" ]; then
    exec xvfb-run -a "$@"
fi
exec "$@"
