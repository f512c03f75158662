/*
 * cmd_code.c - `rasad code`: the events in each document, one JSON object
 * per line in the event format (shared/docs/event-format.md), or TSV.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct rs_code_options {
    const char *dict;
    const char *format;
    int explain;
    int all_cameo;
    const char *db; /* --db: store the events instead of printing them */
    size_t batch;   /* --batch: documents per transaction */
} rs_code_options;

static int rs_code_option(void *ctx, const char *name, const char *value)
{
    rs_code_options *o = ctx;
    if (strcmp(name, "--dict") == 0)
        o->dict = value;
    else if (strcmp(name, "--format") == 0)
        o->format = value;
    else if (strcmp(name, "--explain") == 0)
        o->explain = 1;
    else if (strcmp(name, "--all-cameo") == 0)
        o->all_cameo = 1;
    else if (strcmp(name, "--db") == 0)
        o->db = value;
    else if (strcmp(name, "--batch") == 0 && (o->batch = (size_t)strtoul(value, NULL, 10)) == 0) {
        fprintf(stderr, "rasad code: --batch wants a number of documents, not '%s'\n", value);
        return 2;
    }
    return 0;
}

static void rs_code_usage(void)
{
    printf("usage: rasad code [--format jsonl|tsv] [--explain] [--all-cameo] [--dict DIR] [--db PATH|URL]\n"
           "                  [--plain --date D] [--lang L] [FILE...]\n"
           "Codes events: who did what to whom, when and where. One JSON object per\n"
           "event (docs/events.md), or a TSV row with a header line.\n"
           "  --format F   jsonl (default) or tsv\n"
           "  --explain    add the event pattern behind each event and where it is defined\n"
           "  --all-cameo  keep CAMEO 01 and 02 (statements, appeals), which have no PLOVER type\n"
           "  --dict DIR   add the actor dictionaries in DIR; theirs win over the bundled ones\n"
           "  --db PATH|URL  store the events (SQLite file, or postgresql:// URL) instead of\n"
           "               printing them; see docs/store.md and `rasad query`\n");
}

/* What the stored coding depends on besides the document: a change in
 * any of it re-codes documents already stored. */
static void rs_code_salt(const rs_code_options *o, const rs_cli_input *in, char *salt, size_t size)
{
    snprintf(salt, size, "rasad %s all_cameo=%d lang=%s dict=%s", RS_VERSION, o->all_cameo,
             in->lang ? in->lang : "", o->dict ? o->dict : "");
}

/* Codes every document into the store. Counts go to stdout at the end. */
static int rs_code_store_docs(rs_coder *coder, const rs_code_options *o, const rs_cli_input *in, rs_store *s)
{
    char salt[512];
    rs_code_salt(o, in, salt, sizeof salt);
    rs_reader *r = rs_cli_open_reader(in);
    rs_events events;
    rs_events_init(&events);
    size_t docs = 0, same = 0, coded = 0;
    int failed = 0;
    rs_doc doc;
    while (!failed && rs_reader_next(r, &doc)) {
        rs_lang lang = rs_lang_from_code(in->lang ? in->lang : doc.lang);
        int has = rs_store_has(s, &doc, salt);
        if (has == 0) {
            coded += rs_code_document(coder, &doc, lang, o->all_cameo, &events);
            has = rs_store_put(s, &doc, salt, rs_coder_lang(coder), events.items, events.n);
        }
        failed = has < 0;
        docs++;
        same += has == 1;
        rs_doc_free(&doc);
    }
    failed = failed || rs_store_commit(s);
    if (!failed)
        printf("stored %zu documents (%zu unchanged), %zu events coded; the store holds %lld documents,"
               " %lld events, %lld mentions\n", docs, same, coded, rs_store_count(s, "documents"),
               rs_store_count(s, "events"), rs_store_count(s, "mentions"));
    int rc = failed ? 2 : rs_cli_status(r);
    rs_events_free(&events);
    rs_reader_free(r);
    return rc;
}

static int rs_code_store(rs_coder *coder, const rs_code_options *o, const rs_cli_input *in)
{
    char why[600];
    rs_store *s = rs_store_open(o->db, why, sizeof why);
    if (!s) {
        fprintf(stderr, "rasad code: %s\n", why);
        return 2;
    }
    if (o->batch)
        rs_store_set_batch(s, o->batch);
    int rc = rs_code_store_docs(coder, o, in, s);
    if (rc == 2)
        fprintf(stderr, "rasad code: %s: %s; the batch in progress was rolled back, everything committed "
                        "before it is kept, and running the same command again completes the job\n",
                o->db, rs_store_error(s));
    rs_store_close(s); /* nothing is pending: rs_code_store_docs committed */
    return rc;
}

int rs_cmd_code(int argc, char **argv)
{
    static const char *const extra[] = {"--dict=", "--format=", "--explain", "--all-cameo", "--db=", "--batch=", NULL};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return rs_code_usage(), 0;
    rs_code_options o = {NULL, "jsonl", 0, 0, NULL, 0};
    rs_cli_input in;
    int rc = rs_cli_parse_input(argc, argv, extra, rs_code_option, &o, &in);
    int tsv = strcmp(o.format, "tsv") == 0;
    if (!rc && !tsv && strcmp(o.format, "jsonl") != 0 && strcmp(o.format, "json") != 0) {
        fprintf(stderr, "rasad code: unknown format '%s' (want jsonl or tsv)\n", o.format);
        rc = 2;
    }
    rs_coder *coder = rc ? NULL : rs_coder_new(o.dict, stderr);
    if (rc || !coder) {
        free(in.paths);
        return rc ? rc : 2;
    }
    if (o.db) {
        rc = rs_code_store(coder, &o, &in);
        rs_coder_free(coder);
        free(in.paths);
        return rc;
    }
    rs_reader *r = rs_cli_open_reader(&in);
    rs_buf out;
    rs_buf_init(&out);
    if (tsv)
        rs_buf_puts(&out, rs_event_tsv_header());
    rs_events events;
    rs_events_init(&events);
    rs_doc doc;
    while (rs_reader_next(r, &doc)) {
        rs_lang lang = rs_lang_from_code(in.lang ? in.lang : doc.lang);
        rs_code_document(coder, &doc, lang, o.all_cameo, &events);
        for (size_t k = 0; k < events.n; k++) {
            if (tsv)
                rs_event_tsv(coder, &doc, &events.items[k], &out);
            else
                rs_event_json(coder, &doc, &events.items[k], o.explain, &out);
        }
        rs_cli_flush(&out, 0);
        rs_doc_free(&doc);
    }
    rs_cli_flush(&out, 1);
    rc = rs_cli_status(r);
    rs_events_free(&events);
    rs_buf_free(&out);
    rs_reader_free(r);
    rs_coder_free(coder);
    free(in.paths);
    return rc;
}
