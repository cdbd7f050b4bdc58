/*
 * zip_deflate.c - the workbook's zip: zlib's fastest level, deflated on
 * more than one thread.
 *
 * libxlsxwriter deflates every part of the workbook at zlib's default
 * level (6), on the thread that closes the workbook, and has no option
 * to change either. For an Inventory of a million rows, a gigabyte of
 * sheet XML, that was most of the close. The library reaches minizip
 * through the dynamic linker (zipOpenNewFileInZip4_64,
 * zipWriteInFileInZip, zipCloseFileInZip), which finds the definitions
 * below in the program first.
 *
 * Each part is opened raw, and deflated here as pigz does it: the data
 * is cut in blocks of 256 KiB; each block is deflated alone at level 1,
 * with the 32 KiB before it as its dictionary, and ends on a byte
 * boundary (Z_SYNC_FLUSH), the last one with the end of the stream; the
 * blocks, put one after the other, are one deflate stream. Workers
 * deflate the blocks, the closing thread writes them in order, and gives
 * minizip the CRC and the size at the end. A part of one block, or a run
 * on one thread (-j 1), is deflated on the closing thread alone, the
 * same bytes.
 *
 * Where a libxlsxwriter carries its own copy of minizip, none of this is
 * called and the workbook comes out at level 6 as before; so it does in
 * a build without minizip's header (make HAVE_MINIZIP=0).
 */
#include <stdbool.h>
#include <stddef.h>

#include "pii_writer.h"

#if HAVE_MINIZIP
#include <dlfcn.h>
#include <minizip/zip.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BLOCK (256u << 10)
#define DICT (32u << 10)
#define SLOTS 8 /* blocks in flight */
#define MAX_WORKERS 4

/* A block: its input, the 32 KiB before it, and what it deflates to. */
struct slot {
	unsigned char *in, *out;
	size_t in_len, out_len, out_cap;
	unsigned char dict[DICT];
	size_t dict_len;
	bool last;
	/* under part.mu: */
	enum { FREE, READY, BUSY, DONE } state;
	unsigned long seq; /* the order of READY blocks: oldest first */
	bool ok;
};

/* The buffers, made before the close (pii_xlsx_zip_prepare: a failed
 * allocation in the middle of it would have the library print its own
 * errors), and the part being written: one at a time, as minizip has it. */
static struct {
	bool prepared;
	unsigned threads;	/* workers a large part gets */
	struct slot slots[SLOTS];
	z_stream z[MAX_WORKERS + 1]; /* [0] the closing thread's, then a worker's each */
	zipFile zip;		/* NULL: no part of ours open */
	zipFile failed;		/* a part whose write failed: refused until closed */
	uLong crc;
	uint64_t size;
	unsigned head, count; /* the oldest block not written yet, and how many
			       * (the closing thread's) */
	unsigned long sealed; /* blocks handed to workers */
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t workers[MAX_WORKERS];
	unsigned n_workers;
	bool stop;
} part = {.mu = PTHREAD_MUTEX_INITIALIZER,
	  .work = PTHREAD_COND_INITIALIZER,
	  .done = PTHREAD_COND_INITIALIZER};

typedef int (*zip_open_fn)(zipFile, const char *, const zip_fileinfo *, const void *, uInt,
			   const void *, uInt, const char *, int, int, int, int, int, int,
			   const char *, uLong, uLong, uLong, int);
typedef int (*zip_write_fn)(zipFile, const void *, unsigned);
typedef int (*zip_close_fn)(zipFile);

static void *minizip(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static int minizip_write(zipFile zip, const void *buf, unsigned len)
{
	static zip_write_fn fn;
	if (!fn)
		*(void **)&fn = minizip("zipWriteInFileInZip");
	return fn ? fn(zip, buf, len) : ZIP_INTERNALERROR;
}

bool pii_xlsx_zip_prepare(unsigned threads)
{
	pii_xlsx_zip_release();
	part.threads = threads <= 1 ? 0 : threads > MAX_WORKERS ? MAX_WORKERS : threads;
	bool ok = true;
	for (unsigned i = 0; i < SLOTS && ok; i++) {
		struct slot *s = &part.slots[i];
		s->out_cap = deflateBound(NULL, BLOCK) + 64; /* and the sync marker */
		ok = (s->in = malloc(BLOCK)) && (s->out = malloc(s->out_cap));
	}
	for (unsigned i = 0; i <= part.threads && ok; i++)
		ok = deflateInit2(&part.z[i], Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8,
				  Z_DEFAULT_STRATEGY) == Z_OK;
	part.prepared = ok;
	if (!ok)
		pii_xlsx_zip_release();
	return ok;
}

static void end_part(void);

void pii_xlsx_zip_release(void)
{
	/* a part the library left open (it gives up on an error without
	 * closing it): its workers stopped before their buffers go */
	if (part.zip)
		end_part();
	part.failed = NULL;
	for (unsigned i = 0; i < SLOTS; i++) {
		free(part.slots[i].in);
		free(part.slots[i].out);
	}
	memset(part.slots, 0, sizeof(part.slots));
	for (unsigned i = 0; i <= MAX_WORKERS; i++)
		if (part.z[i].state)
			deflateEnd(&part.z[i]);
	memset(part.z, 0, sizeof(part.z));
	part.prepared = false;
}

/* One block, deflated alone on z: the same bytes on any thread. */
static bool deflate_block(z_stream *z, struct slot *s)
{
	if (deflateReset(z) != Z_OK ||
	    (s->dict_len && deflateSetDictionary(z, s->dict, (uInt)s->dict_len) != Z_OK))
		return false;
	z->next_in = s->in;
	z->avail_in = (uInt)s->in_len;
	z->next_out = s->out;
	z->avail_out = (uInt)s->out_cap;
	int rc = deflate(z, s->last ? Z_FINISH : Z_SYNC_FLUSH);
	s->out_len = s->out_cap - z->avail_out;
	return z->avail_in == 0 && (s->last ? rc == Z_STREAM_END : rc == Z_OK);
}

static void *worker(void *arg)
{
	z_stream *z = arg;
	pthread_mutex_lock(&part.mu);
	for (;;) {
		struct slot *s = NULL;
		for (unsigned i = 0; i < SLOTS; i++) {
			struct slot *t = &part.slots[i];
			if (t->state == READY && (!s || t->seq < s->seq))
				s = t;
		}
		if (!s) {
			if (part.stop)
				break;
			pthread_cond_wait(&part.work, &part.mu);
			continue;
		}
		s->state = BUSY;
		pthread_mutex_unlock(&part.mu);
		bool ok = deflate_block(z, s);
		pthread_mutex_lock(&part.mu);
		s->ok = ok;
		s->state = DONE;
		pthread_cond_broadcast(&part.done);
	}
	pthread_mutex_unlock(&part.mu);
	return NULL;
}

static void start_workers(void)
{
	for (unsigned i = 0; i < part.threads; i++)
		if (pthread_create(&part.workers[part.n_workers], NULL, worker,
				   &part.z[part.n_workers + 1]) == 0)
			part.n_workers++;
}

/* Ends the part: the workers finish what they hold and stop; the
 * buffers stay for the next part. */
static void end_part(void)
{
	pthread_mutex_lock(&part.mu);
	part.stop = true;
	pthread_cond_broadcast(&part.work);
	pthread_mutex_unlock(&part.mu);
	for (unsigned i = 0; i < part.n_workers; i++)
		pthread_join(part.workers[i], NULL);
	part.n_workers = 0;
	part.stop = false;
	for (unsigned i = 0; i < SLOTS; i++)
		part.slots[i].state = FREE;
	part.zip = NULL;
	part.head = part.count = 0;
}

static struct slot *filling(void)
{
	return part.count ? &part.slots[(part.head + part.count - 1) % SLOTS] : NULL;
}

/* The oldest block, once deflated, written to the zip. */
static bool write_oldest(void)
{
	struct slot *s = &part.slots[part.head];
	pthread_mutex_lock(&part.mu);
	while (s->state != DONE)
		pthread_cond_wait(&part.done, &part.mu);
	bool deflated = s->ok;
	s->state = FREE;
	pthread_mutex_unlock(&part.mu);
	bool ok = deflated && minizip_write(part.zip, s->out, (unsigned)s->out_len) >= 0;
	part.head = (part.head + 1) % SLOTS;
	part.count--;
	return ok;
}

/* The block being filled, full or the last, handed to a worker; with
 * none, deflated here. */
static void seal(struct slot *s, bool last)
{
	s->last = last;
	bool ok = part.n_workers || deflate_block(&part.z[0], s);
	pthread_mutex_lock(&part.mu);
	if (part.n_workers) {
		s->state = READY;
		s->seq = part.sealed++;
		pthread_cond_signal(&part.work);
	} else {
		s->ok = ok;
		s->state = DONE;
	}
	pthread_mutex_unlock(&part.mu);
}

/* The next block to fill after prev (NULL: the part's first), the
 * oldest written first when all are in flight; NULL when that write
 * failed. */
static struct slot *next_slot(const struct slot *prev)
{
	if (part.count == SLOTS && !write_oldest())
		return NULL;
	struct slot *s = &part.slots[(part.head + part.count) % SLOTS];
	s->in_len = s->out_len = 0;
	s->dict_len = 0;
	if (prev) {
		/* the 32 KiB before it: the end of the block before */
		s->dict_len = prev->in_len < DICT ? prev->in_len : DICT;
		memcpy(s->dict, prev->in + prev->in_len - s->dict_len, s->dict_len);
	}
	part.count++;
	return s;
}

int zipOpenNewFileInZip4_64(zipFile file, const char *filename, const zip_fileinfo *zipfi,
			    const void *extrafield_local, uInt size_extrafield_local,
			    const void *extrafield_global, uInt size_extrafield_global,
			    const char *comment, int method, int level, int raw, int windowBits,
			    int memLevel, int strategy, const char *password, uLong crcForCrypting,
			    uLong versionMadeBy, uLong flagBase, int zip64)
{
	static zip_open_fn open_fn;
	if (!open_fn)
		*(void **)&open_fn = minizip("zipOpenNewFileInZip4_64");
	if (!open_fn)
		return ZIP_INTERNALERROR;
	bool ours = part.prepared && method == Z_DEFLATED && level != 0 && !raw && !password &&
		    !part.zip;
	if (method == Z_DEFLATED && level != 0)
		level = Z_BEST_SPEED; /* minizip marks the level in the part's flags */
	int rc = open_fn(file, filename, zipfi, extrafield_local, size_extrafield_local,
			 extrafield_global, size_extrafield_global, comment, method, level,
			 ours ? 1 : raw, windowBits, memLevel, strategy, password, crcForCrypting,
			 versionMadeBy, flagBase, zip64);
	if (rc == ZIP_OK && ours) {
		part.zip = file;
		part.crc = crc32(0, NULL, 0);
		part.size = 0;
	}
	return rc;
}

int zipWriteInFileInZip(zipFile file, const void *buf, unsigned len)
{
	if (file == part.failed)
		return ZIP_INTERNALERROR;
	if (!part.zip || file != part.zip)
		return minizip_write(file, buf, len);
	part.crc = crc32(part.crc, buf, len);
	part.size += len;
	const unsigned char *p = buf;
	struct slot *s = filling();
	while (len) {
		if (!s || s->in_len == BLOCK) {
			if (s) {
				seal(s, false);
				/* a second block: the part is large, worth the threads */
				if (!part.n_workers)
					start_workers();
			}
			if (!(s = next_slot(s))) {
				/* the library gives up on the workbook */
				end_part();
				part.failed = file;
				return ZIP_INTERNALERROR;
			}
		}
		size_t take = BLOCK - s->in_len < len ? BLOCK - s->in_len : len;
		memcpy(s->in + s->in_len, p, take);
		s->in_len += take;
		p += take;
		len -= (unsigned)take;
	}
	return ZIP_OK;
}

int zipCloseFileInZip(zipFile file)
{
	if (file == part.failed)
		part.failed = NULL;
	if (!part.zip || file != part.zip) {
		static zip_close_fn close_fn;
		if (!close_fn)
			*(void **)&close_fn = minizip("zipCloseFileInZip");
		return close_fn ? close_fn(file) : ZIP_INTERNALERROR;
	}
	struct slot *s = filling();
	bool ok = s || (s = next_slot(NULL)) != NULL; /* empty: the stream's end alone */
	if (ok)
		seal(s, true);
	while (part.count)
		ok = write_oldest() && ok;
	uLong crc = part.crc;
	uint64_t size = part.size;
	end_part();
	int rc = zipCloseFileInZipRaw64(file, size, crc);
	return ok ? rc : ZIP_INTERNALERROR;
}

const char *pii_xlsx_zip_level(void)
{
	return "zlib's fastest level, on up to 4 threads (minizip)";
}
#else
bool pii_xlsx_zip_prepare(unsigned threads)
{
	(void)threads;
	return true;
}

void pii_xlsx_zip_release(void)
{
}

const char *pii_xlsx_zip_level(void)
{
	return "libxlsxwriter's default level (built without minizip's header)";
}
#endif
