/*
 * pii_cell.h - cells of tables (CSV fields, SQL values, JSON strings) on
 * their way to the sink: gathered while a parser decodes them, then
 * matched as one short text, or paged like a file when longer than
 * PII_CELL_MAX, so memory stays bounded however large a cell is.
 */
#ifndef PII_CELL_H
#define PII_CELL_H

#include "pii_extractor.h"

struct pii_cell {
	struct pii_sink *out;
	struct pii_loc loc;   /* set before pii_cell_end; kept while paging */
	struct pii_buf text;
	struct pii_buf clean; /* text made valid UTF-8, when it was not */
	bool paging;          /* longer than PII_CELL_MAX: a text stream is open */
	uint64_t line, offset;
	enum pii_status st;
};

/* Starts a cell that begins on `line` (0: none) at byte `offset` of the
 * decoded input. The loc must be set (and stay valid) before the cell
 * grows past PII_CELL_MAX, and until pii_cell_end. */
void pii_cell_start(struct pii_cell *c, uint64_t line, uint64_t offset);

/* Adds UTF-8 bytes to the cell. */
void pii_cell_put(struct pii_cell *c, const char *s, size_t n);
void pii_cell_putc(struct pii_cell *c, char ch);

/* Adds the printable runs of four or more bytes of binary data (a blob
 * of a database), a line each, as the strings extractor reads a binary
 * file. */
void pii_cell_put_strings(struct pii_cell *c, const unsigned char *bytes, size_t len);

/* Hands the cell to the sink (nothing when empty). Returns the first error
 * since pii_cell_start, or PII_OK. */
enum pii_status pii_cell_end(struct pii_cell *c);

/* Frees the buffer. */
void pii_cell_free(struct pii_cell *c);

/* A cell that holds a JSON document (a json column of a live database):
 * every string and number in it as a cell of loc, with its key path
 * ("$.contact.email") as loc.key, as the JSON extractor locates them.
 * PII_EOBJECT when it is no JSON (what was read before is kept). */
enum pii_status pii_cell_json(struct pii_sink *out, const struct pii_loc *loc, const char *text,
			      size_t len);

/* Whether a cell of a table's first row is a value rather than a column
 * name: an e-mail address, or a person's full name by the name lists
 * ("Jan de Vries"). Such a row is data: its cells must not become column
 * names, which the inventory shows unmasked. */
bool pii_header_holds_value(const char *text);

/* A spreadsheet's cells on their way to the sink (xlsx, xls): the first
 * row is held until it is judged a header (every cell text, none a
 * person's value) whose cells name the columns; otherwise columns are
 * letters. Each cell goes out with its row (1-based) as record and line;
 * the data rows are counted for table_rows. */
struct pii_sheet_cells {
	struct pii_sink *out;
	const char *file, *table;
	uint32_t max_col;             /* columns are 1..max_col */
	char **header;                /* per column, when the first row is one */
	struct pii_held_cell {
		uint32_t col;             /* 0: not known */
		char *value;
		bool text;
	} *held;                      /* the first row's cells, until judged */
	size_t n_held, cap_held;
	uint32_t first_row;           /* 0: none seen yet */
	bool judged;
	uint64_t data_rows;
	uint32_t last_counted;        /* the row data_rows last counted */
	enum pii_status st;           /* the first error */
};

/* Starts a sheet `table` of location file `file`. */
void pii_sheet_cells_begin(struct pii_sheet_cells *s, struct pii_sink *out, const char *file,
			   const char *table, uint32_t max_col);

/* A row begins (its cells may all be blank): the first one is the one
 * judged, for a reader that sees rows. */
void pii_sheet_cells_row(struct pii_sheet_cells *s, uint32_t row);

/* A cell of row and column col (0 when not known); empty ones are left
 * out. text: it is a string, as a header's cells are. */
void pii_sheet_cells_put(struct pii_sheet_cells *s, uint32_t row, uint32_t col,
			 const char *value, bool text);

/* Row `row` ended: the first row is judged now. */
void pii_sheet_cells_row_end(struct pii_sheet_cells *s, uint32_t row);

/* The sheet ended: a lone first row is judged, the rows are told to the
 * sink, memory freed. Returns the first error, or PII_OK. */
enum pii_status pii_sheet_cells_end(struct pii_sheet_cells *s);

/* The letters of spreadsheet column col (1-based): 1 "A", 27 "AA"; out
 * has room for 8 bytes. */
void pii_column_letters(uint32_t col, char out[8]);

/* A table name for a file of one table (CSV): its name without folders,
 * archive layers or extension, into out. */
void pii_table_name_of(const char *path, char *out, size_t outsz);

#endif
