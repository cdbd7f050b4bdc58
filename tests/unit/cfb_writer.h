/*
 * cfb_writer.h - compound files for the cfb unit tests (test_cfb_*.c,
 * built only with libgsf), written with libgsf's own writer: a list of
 * streams made up in the test, or a real file copied with one stream
 * changed (a bit of a header set, a piece table damaged). Header-only,
 * static inline: each suite uses what it needs.
 */
#ifndef CFB_WRITER_H
#define CFB_WRITER_H

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_util.h"

/* A stream at path ("WordDocument", "ObjectPool/_1/Package": storages
 * are made as the path names them; list a storage's streams together). */
struct t_stream {
	const char *path;
	const void *data;
	size_t len;
};

/* The streams' compound file, malloc'd; NULL on failure. */
static inline unsigned char *t_cfb(const struct t_stream *s, size_t n, size_t *len)
{
	GsfOutput *mem = gsf_output_memory_new();
	GsfOutfile *root = gsf_outfile_msole_new(mem);
	GsfOutfile *dirs[8] = {root};
	char names[8][64] = {{0}};
	size_t depth = 0;
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof(path), "%s", s[i].path);
		char *parts[8];
		size_t np = 0;
		for (char *tok = strtok(path, "/"); tok && np < 8; tok = strtok(NULL, "/"))
			parts[np++] = tok;
		/* close the storages this path leaves, open those it enters */
		size_t keep = 0;
		while (keep < depth && keep + 1 < np && !strcmp(names[keep + 1], parts[keep]))
			keep++;
		while (depth > keep) {
			gsf_output_close(GSF_OUTPUT(dirs[depth]));
			g_object_unref(dirs[depth--]);
		}
		while (depth + 1 < np) {
			dirs[depth + 1] = GSF_OUTFILE(gsf_outfile_new_child(dirs[depth], parts[depth], TRUE));
			snprintf(names[depth + 1], sizeof(names[0]), "%s", parts[depth]);
			depth++;
		}
		GsfOutput *o = gsf_outfile_new_child(dirs[depth], parts[np - 1], FALSE);
		gsf_output_write(o, s[i].len, s[i].data);
		gsf_output_close(o);
		g_object_unref(o);
	}
	while (depth) {
		gsf_output_close(GSF_OUTPUT(dirs[depth]));
		g_object_unref(dirs[depth--]);
	}
	gsf_output_close(GSF_OUTPUT(root));
	g_object_unref(root);
	*len = (size_t)gsf_output_size(mem);
	unsigned char *out = malloc(*len);
	if (out)
		memcpy(out, gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem)), *len);
	g_object_unref(mem);
	return out;
}

/* Changes a copy of a stream's bytes before it is written again. */
typedef void (*t_cfb_patch)(const char *name, unsigned char *data, size_t len);

/* The top-level streams of the compound file data[0..n) written again,
 * each through patch (which may change its bytes); storages are left
 * out. malloc'd; NULL on failure. */
static inline unsigned char *t_cfb_rewrite(const unsigned char *data, size_t n,
					   t_cfb_patch patch, size_t *len)
{
	GsfInput *in = gsf_input_memory_new(data, (gsf_off_t)n, FALSE);
	GsfInfile *root = gsf_infile_msole_new(in, NULL);
	int count = root ? gsf_infile_num_children(root) : 0;
	struct t_stream *s = calloc((size_t)count + 1, sizeof(*s));
	size_t ns = 0;
	for (int i = 0; i < count; i++) {
		GsfInput *c = gsf_infile_child_by_index(root, i);
		if (gsf_infile_num_children(GSF_INFILE(c)) < 0) {
			size_t size = (size_t)gsf_input_size(c);
			unsigned char *bytes = malloc(size + 1);
			gsf_input_read(c, size, bytes);
			s[ns].path = gsf_infile_name_by_index(root, i);
			patch(s[ns].path, bytes, size);
			s[ns].data = bytes;
			s[ns++].len = size;
		}
		g_object_unref(c);
	}
	unsigned char *out = t_cfb(s, ns, len);
	for (size_t i = 0; i < ns; i++)
		free((void *)s[i].data);
	free(s);
	if (root)
		g_object_unref(root);
	g_object_unref(in);
	return out;
}

/* Little-endian numbers appended to b, for the streams tests write. */
static inline void t_u16(struct pii_buf *b, unsigned v)
{
	unsigned char p[2] = {v & 0xff, (v >> 8) & 0xff};
	pii_buf_append(b, p, 2);
}

static inline void t_u32(struct pii_buf *b, uint32_t v)
{
	t_u16(b, v & 0xffff);
	t_u16(b, v >> 16);
}

#endif
