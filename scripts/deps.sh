#!/bin/sh
# Makes sure the Debian packages piiscan needs are installed.
#   scripts/deps.sh build   - to build and run piiscan
#   scripts/deps.sh test    - to build and run the test suite as well
#   scripts/deps.sh bench   - to build and run the benchmark
# As root it installs what is missing (apt-get install -y); otherwise it
# prints the command to run and fails.
set -eu

BUILD_PKGS="gcc make pkg-config libpcre2-dev libmagic-dev libarchive-dev libxlsxwriter-dev libminizip-dev libyaml-dev libssl-dev libxml2-dev libgmime-3.0-dev libpff-dev libbfio-dev libsqlite3-dev libyajl-dev libgsf-1-dev libexif-dev libvectorscan-dev libtesseract-dev libleptonica-dev libheif-dev libpq-dev libmariadb-dev libsmbclient-dev tesseract-ocr-nld tesseract-ocr-eng poppler-utils"
# python3-openpyxl reads the xlsx back in the tests, python3-jsonschema
# checks the JSON, JSONL and SARIF outputs against schema/, python3-yaml the
# Kubernetes examples; parallel runs the GNU parallel example; catdoc
# (xls2csv, catdoc), antiword and msgconvert read the legacy Office and Outlook
# fixtures as independent readers, python3-olefile lists their streams;
# exiftool and ImageMagick make the images of the image-metadata tests;
# the tesseract command reads the scans back as an independent reader;
# GNU time measures the memory of the hostile-image scan; zsh runs the
# zsh completion, dpkg-dev (dpkg-shlibdeps) and lintian make and check the
# Debian package; git says what its .gitignore rules leave, for the
# ignore-file tests; python3-jsonschema validates the JSON and SARIF
# outputs against their schemas; python3-stdnum checks every national
# identifier of the tests with its own implementation of the algorithm;
# postgresql, mariadb-server and samba are the real servers the live
# database and share tests start in a temporary folder (and stop), with
# smbclient to look at the share independently; slurm-wlm and munge
# the one-node Slurm cluster that runs the contrib/slurm jobs.
TEST_PKGS="postgresql mariadb-server samba smbclient slurm-wlm munge python3 python3-openpyxl python3-jsonschema python3-yaml python3-stdnum parallel catdoc antiword libemail-outlook-message-perl python3-olefile libimage-exiftool-perl imagemagick tesseract-ocr time zsh dpkg-dev lintian git unzip"
# The benchmark compares with ripgrep and the tesseract command;
# LibreOffice makes its office files (Impress too: the legacy fixtures'
# check reads the .ppt back with it where LibreOffice is installed).
BENCH_PKGS="python3 ripgrep fd-find sqlite3 libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui tesseract-ocr"

case "${1:-build}" in
build) want="$BUILD_PKGS" ;;
test) want="$BUILD_PKGS $TEST_PKGS" ;;
bench) want="$BUILD_PKGS $BENCH_PKGS" ;;
fuzz) want="$BUILD_PKGS clang" ;;
*) echo "usage: $0 build|test|bench|fuzz" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; make sure these (or your system's equivalents) are installed: $want" >&2
	exit 0
fi

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = "installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# A fresh machine has no package lists yet: update when the first try fails.
	if ! apt-get install -y -q $missing >/dev/null 2>&1; then
		apt-get update -q >/dev/null
		apt-get install -y -q $missing >/dev/null
	fi
else
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: install them with: sudo apt-get install -y$missing" >&2
	exit 2
fi
