/*
 * cli.h - what the subcommands of the rasad program share. Internal to the
 * command-line program; the library's interface is include/rasad.h.
 */
#ifndef RASAD_CLI_H
#define RASAD_CLI_H

#include "rasad.h"

/* Options every document-reading subcommand takes. */
typedef struct rs_cli_input {
    rs_reader_options reader;
    const char *lang;  /* --lang: force a language instead of detecting it */
    int n_paths;
    char **paths;
} rs_cli_input;

/* Parses the shared options (--plain, --date D, --lang L) out of argv.
 * Options the subcommand knows itself are left for it: extra[] lists them
 * (NULL-terminated, each "--name" for a flag or "--name=" for one taking a
 * value) and *flag_seen gets called for each. Returns 0, or 2 after printing
 * a usage error. */
typedef int (*rs_cli_option_fn)(void *ctx, const char *name, const char *value);
int rs_cli_parse_input(int argc, char **argv, const char *const *extra,
                       rs_cli_option_fn on_option, void *ctx, rs_cli_input *in);

/* Opens a reader over in->paths (standard input when there are none). */
rs_reader *rs_cli_open_reader(const rs_cli_input *in);

/* Writes buf to stdout when it grows past a threshold, or always when
 * force is set; keeps output streaming without a write per line. */
void rs_cli_flush(rs_buf *buf, int force);

/* Exit status for a run: 1 when anything was skipped, else 0. */
int rs_cli_status(const rs_reader *r);

int rs_cmd_text(int argc, char **argv);
int rs_cmd_dict(int argc, char **argv);
int rs_cmd_actors(int argc, char **argv);
int rs_cmd_dates(int argc, char **argv);
int rs_cmd_code(int argc, char **argv);
int rs_cmd_query(int argc, char **argv);
int rs_cmd_export(int argc, char **argv);

#endif
