/*
 * cmd_query.c - `rasad query` (dyad, events, top, network) and `rasad
 * export`: the event store's questions from the command line. The answers
 * come from src/query.c; this file only reads options.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct rs_query_args {
    const char *db;
    const char *format; /* network and export */
    rs_query q;
    const char *pos[3]; /* positional words after the subcommand */
    int n_pos;
} rs_query_args;

/* Options that take a value, and where each goes. */
static const char **rs_query_slot(rs_query_args *a, const char *name)
{
    struct { const char *name; const char **slot; } map[] = {
        {"--db", &a->db}, {"--from", &a->q.from}, {"--to", &a->q.to}, {"--by", &a->q.by},
        {"--actor", &a->q.actor}, {"--type", &a->q.type}, {"--cameo", &a->q.cameo},
        {"--place", &a->q.place}, {"--format", &a->format}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(name, map[i].name) == 0)
            return map[i].slot;
    return NULL;
}

/* Reads argv into a; returns 0, or 2 after a usage error. */
static int rs_query_parse(int argc, char **argv, rs_query_args *a)
{
    const char *env = getenv("RASAD_DB");
    a->db = env && *env ? env : "rasad.db";
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char **slot = rs_query_slot(a, o);
        if (slot && i + 1 < argc)
            *slot = argv[++i];
        else if (strcmp(o, "--limit") == 0 && i + 1 < argc)
            a->q.limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(o, "--directed") == 0)
            a->q.directed = 1;
        else if (strcmp(o, "--all-modalities") == 0)
            a->q.all_modalities = 1;
        else if (strcmp(o, "--json") == 0)
            a->q.format = RS_OUT_JSON;
        else if (strcmp(o, "--csv") == 0)
            a->q.format = RS_OUT_CSV;
        else if (o[0] != '-' && a->n_pos < 3)
            a->pos[a->n_pos++] = o;
        else {
            fprintf(stderr, "rasad: %s '%s' (see rasad %s --help)\n",
                    slot || strcmp(o, "--limit") == 0 ? "a value is missing after" : "unknown argument", o,
                    argv[0]);
            return 2;
        }
    }
    return 0;
}

static void rs_query_usage(void)
{
    printf("usage: rasad query dyad A B [--from D] [--to D] [--by day|week|month|year] [--directed]\n"
           "       rasad query events [--actor X] [--type T] [--cameo C] [--from D] [--to D] [--place P]\n"
           "       rasad query top actors|dyads|places [--from D] [--to D] [--limit N]\n"
           "       rasad query network [--from D] [--to D] [--format graphml|dot|json]\n"
           "Asks the event store (docs/store.md). Every query takes\n"
           "  --db PATH|URL  a SQLite file or a postgresql:// URL (default rasad.db, or $RASAD_DB)\n"
           "  --json, --csv  output for programs instead of a table\n"
           "  --all-modalities  dyad, top and network count intended, negated and hypothetical\n"
           "                 events too (by default only what happened)\n"
           "Dates are YYYY, YYYY-MM or YYYY-MM-DD; actor codes match as prefixes (AFG, AFGGOV).\n");
}

static rs_store *rs_query_open(const char *db)
{
    char why[600];
    rs_store *s = rs_store_open(db, why, sizeof why);
    if (!s)
        fprintf(stderr, "rasad: %s\n", why);
    return s;
}

/* Runs the query the positional words name. */
static int rs_query_run(rs_store *s, rs_query_args *a, rs_buf *out)
{
    const char *what = a->pos[0];
    if (strcmp(what, "dyad") == 0 && a->n_pos == 3) {
        a->q.a = a->pos[1], a->q.b = a->pos[2];
        return rs_query_dyad(s, &a->q, out);
    }
    if (strcmp(what, "events") == 0 && a->n_pos == 1)
        return rs_query_events(s, &a->q, out);
    if (strcmp(what, "top") == 0 && a->n_pos == 2)
        return rs_query_top(s, a->pos[1], &a->q, out);
    if (strcmp(what, "network") == 0 && a->n_pos == 1)
        return rs_query_network(s, &a->q, a->format ? a->format : "graphml", out);
    fprintf(stderr, "rasad query: no such query: see rasad query --help\n");
    return 1;
}

int rs_cmd_query(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return rs_query_usage(), 0;
    rs_query_args a;
    memset(&a, 0, sizeof a);
    if (rs_query_parse(argc, argv, &a))
        return 2;
    if (a.n_pos == 0) {
        rs_query_usage();
        return 2;
    }
    rs_store *s = rs_query_open(a.db);
    if (!s)
        return 2;
    rs_buf out;
    rs_buf_init(&out);
    int rc = rs_query_run(s, &a, &out);
    if (rc < 0)
        fprintf(stderr, "rasad query: %s\n", rs_store_error(s));
    else
        rs_cli_flush(&out, 1);
    rs_buf_free(&out);
    rs_store_close(s);
    return rc ? 2 : 0;
}

int rs_cmd_export(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rasad export [--db PATH|URL] --format csv|tsv|jsonl\n"
                   "Writes every stored event: TSV and CSV in the columns of docs/events.md,\n"
                   "JSON Lines in the event format with the store's id and mention count.\n");
            return 0;
        }
    rs_query_args a;
    memset(&a, 0, sizeof a);
    if (rs_query_parse(argc, argv, &a))
        return 2;
    rs_store *s = rs_query_open(a.db);
    if (!s)
        return 2;
    int rc = rs_store_export(s, a.format ? a.format : "tsv", stdout);
    if (rc)
        fprintf(stderr, "rasad export: %s\n", rs_store_error(s));
    fflush(stdout);
    rs_store_close(s);
    return rc ? 2 : 0;
}
