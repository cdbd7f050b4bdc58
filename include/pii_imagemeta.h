/*
 * pii_imagemeta.h - what an image's metadata says about people: the
 * EXIF (libexif) and XMP blocks of JPEG, PNG, TIFF (and the raw formats
 * built on it) and WebP files, as short texts under readable keys; of
 * another format (GIF, HEIF), an EXIF block found by its "Exif\0\0" mark
 * and an XMP packet, wherever they are. For the image extractor
 * (src/extract/image.c).
 */
#ifndef PII_IMAGEMETA_H
#define PII_IMAGEMETA_H

#include <stddef.h>

#include "pii_sink.h"

/* Reads the EXIF and XMP metadata of the image data[0..len) (borrowed) of
 * input in, and hands what can identify someone to out as short texts
 * (pii_sink_text, valid UTF-8) in part "EXIF" or "XMP" of in->path, each
 * under a readable key (loc.key) that serves as the matcher's label:
 * "artist", "author" (XPAuthor, dc:creator), "author position",
 * "author contact" (IPTC creator contact info), "copyright", "owner"
 * (CameraOwnerName, xmpRights:Owner), "camera serial number" (body and
 * lens), "person in image" (IPTC PersonInImage, face regions), "GPS
 * position" ("52.370216, 4.895168": signed decimal degrees, 6 decimals),
 * "user comment" (UserComment, XPComment), "image description"
 * (ImageDescription, XPSubject, XPTitle, dc:description, dc:title) and
 * "keywords". The time the picture was taken (EXIF DateTimeOriginal or
 * DateTime, else XMP's) goes to pii_sink_saved as the data's age;
 * *orientation is the EXIF Orientation (1-8: how a phone held the camera;
 * 0 when not said), for the OCR.
 *
 * Never reads outside data; the work is bounded on hostile input (what
 * libexif may allocate, the bytes of a value and of an XMP packet).
 * libexif reads no more than the first 64 KiB of an EXIF block: of a TIFF
 * whose IFDs lie past that, only the XMP is read. Built without libexif
 * (HAVE_LIBEXIF=0) it reads the XMP only. The XMP parser must have been
 * set up (pii_xml_init). Returns PII_OK (metadata that cannot be read is
 * passed over), or PII_EFATAL when the sink says so. */
enum pii_status pii_image_meta(struct pii_input *in, const unsigned char *data, size_t len,
			       struct pii_sink *out, int *orientation);

#endif
