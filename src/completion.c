/*
 * completion.c - the bash and zsh completion scripts (pii_completion.h).
 */
#include "pii_completion.h"

#include <string.h>

/* Prints words (separated by spaces or commas) separated by one space. */
static void put_words(FILE *f, const char *words)
{
	const char *sep = "";
	for (const char *p = words; *p;) {
		size_t n = strcspn(p, " ,");
		if (n) {
			fprintf(f, "%s%.*s", sep, (int)n, p);
			sep = " ";
		}
		p += n;
		p += strspn(p, " ,");
	}
}

/* "-o|--output" */
static void put_names(FILE *f, const struct pii_completion_option *o)
{
	if (o->short_name)
		fprintf(f, "-%c|", o->short_name);
	fprintf(f, "--%s", o->name);
}

/* The case arm of every option whose value is of kind arg, or nothing. */
static void bash_arm(FILE *f, const struct pii_completion_option *opts, size_t n,
		     enum pii_arg arg, const char *action)
{
	const char *sep = "\t";
	for (size_t i = 0; i < n; i++)
		if (opts[i].arg == arg) {
			fputs(sep, f);
			put_names(f, &opts[i]);
			sep = "|";
		}
	if (*sep == '|')
		fprintf(f, ")\n\t\t%s\n\t\treturn ;;\n", action);
}

static void write_bash(FILE *f, const struct pii_completion_option *opts, size_t n,
		       const char *subcommands)
{
	fputs("# bash completion for piiscan: written by `piiscan --completion bash` from\n"
	      "# its table of options (make install puts it where bash-completion looks).\n"
	      "_piiscan_words()\n"
	      "{\n"
	      "\tmapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -W \"$1\" -- \"$2\")\n"
	      "}\n"
	      "\n"
	      "_piiscan_files()\n"
	      "{\n"
	      "\tcompopt -o filenames 2>/dev/null\n"
	      "\tmapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- \"$1\")\n"
	      "}\n"
	      "\n"
	      "_piiscan()\n"
	      "{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
	      "\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\t# --option=value comes split at the '=' (COMP_WORDBREAKS)\n"
	      "\tif [[ $cur == = ]]; then\n"
	      "\t\tcur=\n"
	      "\telif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
	      "\t\tprev=${COMP_WORDS[COMP_CWORD-2]}\n"
	      "\tfi\n"
	      "\tCOMPREPLY=()\n"
	      "\tcase $prev in\n",
	      f);
	for (size_t i = 0; i < n; i++)
		if (opts[i].arg == PII_ARG_WORD) {
			fputc('\t', f);
			put_names(f, &opts[i]);
			fputs(")\n\t\t_piiscan_words '", f);
			put_words(f, opts[i].words);
			fputs("' \"$cur\"\n\t\treturn ;;\n", f);
		}
	bash_arm(f, opts, n, PII_ARG_FILE, "_piiscan_files \"$cur\"");
	bash_arm(f, opts, n, PII_ARG_ANY, "# a value of its own: nothing to offer");
	fputs("\tesac\n"
	      "\tif [[ $cur == -* ]]; then\n"
	      "\t\t_piiscan_words '",
	      f);
	const char *sep = "";
	for (size_t i = 0; i < n; i++) {
		if (opts[i].short_name) {
			fprintf(f, "%s-%c", sep, opts[i].short_name);
			sep = " ";
		}
		fprintf(f, "%s--%s", sep, opts[i].name);
		sep = " ";
	}
	fprintf(f, "' \"$cur\"\n"
		   "\t\treturn\n"
		   "\tfi\n"
		   "\t((COMP_CWORD == 1)) && _piiscan_words '%s' \"$cur\"\n"
		   "\t_piiscan_files \"$cur\"\n"
		   "}\n"
		   "\n"
		   "complete -F _piiscan piiscan\n",
		subcommands);
}

/* One _arguments spec: '*--output=:file:_files' (every option may be
 * given again: the parser takes the last, or adds to a list). */
static void zsh_spec(FILE *f, const struct pii_completion_option *o, const char *opt,
		     const char *value_sep)
{
	fprintf(f, "\t\t'*%s", opt);
	switch (o->arg) {
	case PII_ARG_NONE:
		break;
	case PII_ARG_ANY:
		fprintf(f, "%s:%s: ", value_sep, o->name);
		break;
	case PII_ARG_FILE:
		fprintf(f, "%s:%s:_files", value_sep, o->name);
		break;
	case PII_ARG_WORD:
		fprintf(f, "%s:%s:(", value_sep, o->name);
		put_words(f, o->words);
		fputc(')', f);
		break;
	}
	fputs("' \\\n", f);
}

static void write_zsh(FILE *f, const struct pii_completion_option *opts, size_t n,
		      const char *subcommands)
{
	fputs("#compdef piiscan\n"
	      "# zsh completion for piiscan: written by `piiscan --completion zsh` from\n"
	      "# its table of options (make install puts it where zsh looks).\n"
	      "_piiscan()\n"
	      "{\n"
	      "\t_arguments -s -S : \\\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		if (opts[i].short_name) {
			char s[3] = {'-', (char)opts[i].short_name, '\0'};
			zsh_spec(f, &opts[i], s, "+"); /* -oFILE or -o FILE */
		}
		char l[128];
		snprintf(l, sizeof(l), "--%s", opts[i].name);
		zsh_spec(f, &opts[i], l, "="); /* --output=FILE or --output FILE */
	}
	fputs("\t\t'1:path or subcommand:{_alternative \"subcommands:subcommand:(", f);
	put_words(f, subcommands);
	fputs(")\" \"paths:path:_files\"}' \\\n"
	      "\t\t'*:path:_files'\n"
	      "}\n"
	      "\n"
	      "# autoloaded from fpath, or sourced: source <(piiscan --completion zsh)\n"
	      "if [ \"$funcstack[1]\" = _piiscan ]; then\n"
	      "\t_piiscan \"$@\"\n"
	      "else\n"
	      "\tcompdef _piiscan piiscan\n"
	      "fi\n",
	      f);
}

bool pii_completion_write(FILE *f, const char *shell, const struct pii_completion_option *opts,
			  size_t n, const char *subcommands)
{
	if (!strcmp(shell, "bash"))
		write_bash(f, opts, n, subcommands);
	else if (!strcmp(shell, "zsh"))
		write_zsh(f, opts, n, subcommands);
	else
		return false;
	return true;
}
