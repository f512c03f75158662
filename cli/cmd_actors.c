/*
 * cmd_actors.c - `rasad actors`: every actor mention in each document, one
 * JSON object per line, with its code on the document's date.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct rs_actors_options {
    const char *dict;
    int explain;
} rs_actors_options;

static int rs_actors_option(void *ctx, const char *name, const char *value)
{
    rs_actors_options *o = ctx;
    if (strcmp(name, "--dict") == 0)
        o->dict = value;
    else if (strcmp(name, "--explain") == 0)
        o->explain = 1;
    return 0;
}

static void rs_put_mention(rs_buf *out, const rs_lexicon *lex, const rs_doc *doc, const rs_actor_mention *a,
                           int sent, int explain)
{
    rs_buf_puts(out, "{\"doc\":");
    rs_json_string(out, doc->id, strlen(doc->id));
    rs_buf_puts(out, ",\"sent\":");
    rs_buf_put_uint(out, (uint64_t)sent);
    rs_buf_puts(out, ",\"start\":");
    rs_buf_put_uint(out, a->start);
    rs_buf_puts(out, ",\"end\":");
    rs_buf_put_uint(out, a->end);
    rs_buf_puts(out, ",\"text\":");
    rs_json_string(out, doc->text + a->start, a->end - a->start);
    rs_buf_puts(out, ",\"code\":");
    rs_json_string(out, a->code, strlen(a->code));
    rs_buf_puts(out, ",\"root\":");
    rs_json_string(out, a->root, strlen(a->root));
    rs_buf_puts(out, ",\"role\":");
    rs_json_string(out, a->role, strlen(a->role));
    if (explain) {
        size_t line;
        const char *file = rs_lexicon_origin(lex, a->entry, &line);
        const char *label = rs_lexicon_label(lex, a->entry);
        rs_buf_puts(out, ",\"entry\":");
        rs_json_string(out, label, strlen(label));
        rs_buf_puts(out, ",\"source\":\"");
        rs_buf_printf(out, "%s:%zu\"", file, line);
        if (a->agent >= 0) {
            const char *noun = rs_lexicon_label(lex, a->agent);
            rs_buf_puts(out, ",\"agent\":");
            rs_json_string(out, noun, strlen(noun));
        }
    }
    rs_buf_puts(out, "}\n");
}

static void rs_actors_usage(void)
{
    printf("usage: rasad actors [--dict DIR] [--explain] [--plain --date D] [--lang L] [FILE...]\n"
           "Prints one JSON object per actor mention:\n"
           "  {\"doc\", \"sent\", \"start\", \"end\", \"text\", \"code\", \"root\", \"role\"}\n"
           "start and end are byte offsets into the document's text. Codes are\n"
           "those in force on the document's date.\n"
           "  --dict DIR   add the dictionaries in DIR; theirs win over the bundled ones\n"
           "  --explain    add the dictionary entry (and role noun) behind each mention\n");
}

int rs_cmd_actors(int argc, char **argv)
{
    static const char *const extra[] = {"--dict=", "--explain", NULL};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return rs_actors_usage(), 0;
    rs_actors_options o = {NULL, 0};
    rs_cli_input in;
    int rc = rs_cli_parse_input(argc, argv, extra, rs_actors_option, &o, &in);
    rs_lexicon *lex = rc ? NULL : rs_lexicon_load(o.dict, stderr);
    if (rc || !lex) {
        free(in.paths);
        return rc ? rc : 2;
    }
    rs_reader *r = rs_cli_open_reader(&in);
    rs_buf out;
    rs_buf_init(&out);
    rs_actors found;
    rs_actors_init(&found);
    rs_doc doc;
    while (rs_reader_next(r, &doc)) {
        rs_lang lang = rs_lang_from_code(in.lang ? in.lang : doc.lang);
        rs_text *t = rs_text_analyze(doc.text, doc.text_len, lang);
        for (size_t i = 0; t && i < t->n_sentences; i++) {
            const rs_sentence *s = &t->sentences[i];
            if (s->dropped)
                continue;
            rs_actors_find(lex, doc.text, s->start, s->end, t->lang, doc.date, &found);
            for (size_t k = 0; k < found.n; k++)
                rs_put_mention(&out, lex, &doc, &found.items[k], s->number, o.explain);
            rs_cli_flush(&out, 0);
        }
        rs_text_free(t);
        rs_doc_free(&doc);
    }
    rs_cli_flush(&out, 1);
    rc = rs_cli_status(r);
    rs_actors_free(&found);
    rs_buf_free(&out);
    rs_reader_free(r);
    rs_lexicon_free(lex);
    free(in.paths);
    return rc;
}
