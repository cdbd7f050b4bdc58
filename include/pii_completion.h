/*
 * pii_completion.h - the bash and zsh completion scripts (piiscan
 * --completion SHELL), written from the options the command line's parser
 * describes, so that they cannot drift from its table.
 */
#ifndef PII_COMPLETION_H
#define PII_COMPLETION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What follows an option on the command line. */
enum pii_arg {
	PII_ARG_NONE, /* nothing: a flag */
	PII_ARG_ANY,  /* a value of its own (number, size, glob): none offered */
	PII_ARG_FILE, /* a file or folder name */
	PII_ARG_WORD, /* one of a fixed set of words */
};

struct pii_completion_option {
	const char *name;  /* the long name, without "--" */
	int short_name;    /* 'o' for -o, or 0 */
	enum pii_arg arg;
	const char *words; /* PII_ARG_WORD: the choices, separated by spaces or
			    * commas ("xlsx, jsonl, csv") */
};

/* Writes the completion script for shell ("bash" or "zsh") to f: the n
 * options, and the subcommands (space separated) as the first word, or a
 * path. Names and words are letters, digits and '-' (nothing is quoted).
 * false when shell is neither (nothing written). */
bool pii_completion_write(FILE *f, const char *shell, const struct pii_completion_option *opts,
			  size_t n, const char *subcommands);

#endif
