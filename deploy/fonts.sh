#!/usr/bin/env bash
# The font every PDF document of the platform is set in (certificates, invoices): DejaVu Sans from
# Debian's fonts-dejavu-core. Sourced by run.sh, test.sh and deploy/cluster.sh.
#
#   fonts_install    install fonts-dejavu-core when DejaVu Sans is missing

DEJAVU_SANS=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

fonts_install() {
  if [ -f "$DEJAVU_SANS" ]; then return 0; fi
  echo "Installing the DejaVu fonts for PDF documents from Debian packages..."
  if [ "$(id -u)" != 0 ]; then echo "$DEJAVU_SANS is missing; run as root or install fonts-dejavu-core first." >&2; return 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
}
