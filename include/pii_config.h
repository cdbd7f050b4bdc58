/*
 * pii_config.h - the configuration file (--config piiscan.yaml) for
 * unattended runs: a YAML mapping whose keys are the long options
 * ("threads: 4", "exclude: [...]", "output: [...]") and "paths", read
 * into arguments that are parsed before the command line's, so that the
 * command line overrides it. But allow:, which is no option: a list of
 * entries about the rules, read with them.
 */
#ifndef PII_CONFIG_H
#define PII_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct pii_config_args {
	char **argv;   /* argv[0] is "piiscan"; paths come after "--" */
	int *line;     /* the file's line of each argument */
	int argc;
	int allow_line; /* the line of its allow: list, 0: none; the list is
			 * read with the rules (pii_rules_load_allow) */
	/* Whether a key names an option (set by the caller, the command
	 * line's parser): any other is an unknown setting, whatever its
	 * value. NULL: every key is handed on. */
	bool (*known)(const char *key);
};

/* Reads path into args. false with a message in err ("FILE:LINE: ...")
 * when the file cannot be read or is not a mapping of known shape. */
bool pii_config_load(const char *path, struct pii_config_args *args, char *err,
		     size_t errlen);

void pii_config_free(struct pii_config_args *args);

#endif
