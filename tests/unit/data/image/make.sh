#!/bin/sh
# Makes the images of the image-metadata unit tests (test_imagemeta.c):
# an 8x8 grey picture from ImageMagick in each format, tagged by exiftool
# with the values of tags.args (EXIF and XMP), so that the tests read
# files as a real writer lays them out, not only blocks made by hand.
#
#     sh tests/unit/data/image/make.sh   (from the repository root)
set -eu
cd "$(dirname "$0")"
for ext in jpg png tif webp; do
	rm -f "tagged.$ext"
	convert -size 8x8 xc:gray -strip "tagged.$ext"
	exiftool -q -overwrite_original -@ tags.args "tagged.$ext"
done
# the PNG's XMP also holds the position, in XMP's own form ("33,51.9085S")
exiftool -q -overwrite_original -XMP-exif:GPSLatitude=-33.865143 \
	-XMP-exif:GPSLongitude=-70.2099 tagged.png
