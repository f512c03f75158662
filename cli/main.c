/*
 * main.c - the rasad command: git-style subcommands over librasad.
 *
 * Each subcommand lives in cli/cmd_NAME.c and is listed in rs_commands[].
 * This file only dispatches and holds the option parsing they share.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct rs_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} rs_command;

static const rs_command rs_commands[] = {
    {"code", rs_cmd_code, "code events: who did what to whom, when and where"},
    {"text", rs_cmd_text, "print the sentences of article text, with offsets (and tokens)"},
    {"actors", rs_cmd_actors, "print each actor mention with its code on the document's date"},
    {"dict", rs_cmd_dict, "check the dictionaries, or import PETRARCH ones"},
    {"dates", rs_cmd_dates, "print each date expression, resolved to a Gregorian value"},
    {"query", rs_cmd_query, "ask the event store: dyads, events, top actors, the network"},
    {"export", rs_cmd_export, "write every stored event as CSV, TSV or JSON Lines"},
};

static void rs_usage(FILE *f)
{
    fprintf(f, "usage: rasad COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof rs_commands / sizeof rs_commands[0]; i++)
        fprintf(f, "  %-10s %s\n", rs_commands[i].name, rs_commands[i].summary);
    fprintf(f, "\ninput options (every command that reads documents):\n"
               "  FILE...      JSON Lines files, directories (read recursively), or - for stdin\n"
               "  --plain      read plain-text files, one document each (id = file name)\n"
               "  --date D     publication date for --plain documents (YYYY-MM-DD)\n"
               "  --lang L     treat every document as fa, ar or en instead of detecting\n"
               "\nrasad COMMAND --help shows a command's own options.\n");
}

static int rs_is_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (strlen(s) != sizeof shape - 1)
        return 0;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return 0;
    return 1;
}

/* Which extra option, if any, arg names; sets *takes_value. */
static const char *rs_match_extra(const char *const *extra, const char *arg, int *takes_value)
{
    for (size_t i = 0; extra && extra[i]; i++) {
        size_t n = strlen(extra[i]);
        int valued = n && extra[i][n - 1] == '=';
        if (strncmp(arg, extra[i], n - (size_t)valued) == 0 && arg[n - (size_t)valued] == '\0') {
            *takes_value = valued;
            return extra[i];
        }
    }
    return NULL;
}

int rs_cli_parse_input(int argc, char **argv, const char *const *extra,
                       rs_cli_option_fn on_option, void *ctx, rs_cli_input *in)
{
    memset(in, 0, sizeof *in);
    in->paths = calloc((size_t)argc + 1, sizeof *in->paths);
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int takes_value = 0;
        const char *known;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            in->paths[in->n_paths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "--plain") == 0) {
            in->reader.plain = 1;
        } else if (strcmp(a, "--date") == 0 || strcmp(a, "--lang") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "rasad: %s needs a value\n", a);
                return 2;
            }
            const char *v = argv[++i];
            if (a[2] == 'd' && !rs_is_date(v)) {
                fprintf(stderr, "rasad: --date wants YYYY-MM-DD, not '%s'\n", v);
                return 2;
            }
            if (a[2] == 'l' && rs_lang_from_code(v) == RS_LANG_UNKNOWN) {
                fprintf(stderr, "rasad: --lang wants fa, ar, en, ps or ur, not '%s'\n", v);
                return 2;
            }
            if (a[2] == 'd')
                in->reader.date = v;
            else
                in->lang = v;
        } else if ((known = rs_match_extra(extra, a, &takes_value)) != NULL) {
            if (takes_value && i + 1 >= argc) {
                fprintf(stderr, "rasad: %s needs a value\n", a);
                return 2;
            }
            int rc = on_option(ctx, a, takes_value ? argv[++i] : NULL);
            if (rc)
                return rc;
        } else {
            fprintf(stderr, "rasad: unknown option '%s' (see rasad %s --help)\n", a, argv[0]);
            return 2;
        }
    }
    return 0;
}

rs_reader *rs_cli_open_reader(const rs_cli_input *in)
{
    rs_reader *r = rs_reader_new(&in->reader);
    if (in->n_paths == 0)
        rs_reader_add(r, "-");
    for (int i = 0; i < in->n_paths; i++)
        rs_reader_add(r, in->paths[i]);
    return r;
}

void rs_cli_flush(rs_buf *buf, int force)
{
    if (!force && buf->len < (1u << 16))
        return;
    if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
        perror("rasad: writing output");
        exit(1);
    }
    rs_buf_clear(buf);
    if (force)
        fflush(stdout);
}

int rs_cli_status(const rs_reader *r)
{
    return rs_reader_skipped(r) ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        rs_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rasad %s\n", RS_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof rs_commands / sizeof rs_commands[0]; i++)
        if (strcmp(argv[1], rs_commands[i].name) == 0)
            return rs_commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "rasad: '%s' is not a command\n\n", argv[1]);
    rs_usage(stderr);
    return 2;
}
