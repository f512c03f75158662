/*
 * cmd_dates.c - `rasad dates`: every date expression of each document, one
 * JSON object per line, resolved against the document's publication date
 * (the contract that ../shared/eval/mentions.py reads; see docs/dates.md).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void rs_put_mention(rs_buf *out, const rs_doc *doc, const rs_date_mention *m)
{
    rs_buf_puts(out, "{\"doc\":");
    rs_json_string(out, doc->id, strlen(doc->id));
    rs_buf_printf(out, ",\"start\":%zu,\"end\":%zu,\"text\":", m->start, m->end);
    rs_json_string(out, doc->text + m->start, m->end - m->start);
    rs_buf_printf(out, ",\"value\":\"%s\",\"precision\":\"%s\",\"confidence\":%.2f,\"relative\":%s,"
                       "\"calendar\":\"%s\"}\n",
                  m->value, rs_date_precision_name(m->precision), (double)m->confidence,
                  m->relative ? "true" : "false", rs_calendar_name((rs_calendar)m->calendar));
}

static void rs_dates_usage(void)
{
    printf("usage: rasad dates [--plain --date D] [--lang L] [FILE...]\n"
           "Prints one JSON object per date expression in each document:\n"
           "  {\"doc\", \"start\", \"end\", \"text\", \"value\", \"precision\",\n"
           "   \"confidence\", \"relative\", \"calendar\"}\n"
           "start and end are byte offsets into the document's text; value is\n"
           "YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD, resolved against the\n"
           "document's publication date (\"date\"). See docs/dates.md.\n");
}

static int rs_no_option(void *ctx, const char *name, const char *value)
{
    (void)ctx, (void)name, (void)value;
    return 0;
}

int rs_cmd_dates(int argc, char **argv)
{
    static const char *const extra[] = {"--help", NULL};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return rs_dates_usage(), 0;
    rs_cli_input in;
    int rc = rs_cli_parse_input(argc, argv, extra, rs_no_option, NULL, &in);
    if (rc) {
        free(in.paths);
        return rc;
    }
    rs_reader *r = rs_cli_open_reader(&in);
    rs_buf out;
    rs_buf_init(&out);
    rs_dates found;
    rs_dates_init(&found);
    rs_doc doc;
    while (rs_reader_next(r, &doc)) {
        const char *code = in.lang ? in.lang : doc.lang;
        rs_lang lang = code ? rs_lang_from_code(code) : RS_LANG_UNKNOWN;
        if (lang == RS_LANG_UNKNOWN)
            lang = rs_langid(doc.text, doc.text_len);
        rs_dates_find(doc.text, 0, doc.text_len, doc.date, lang, &found);
        for (size_t i = 0; i < found.n; i++)
            rs_put_mention(&out, &doc, &found.items[i]);
        rs_cli_flush(&out, 0);
        rs_doc_free(&doc);
    }
    rs_cli_flush(&out, 1);
    rc = rs_cli_status(r);
    rs_dates_free(&found);
    rs_buf_free(&out);
    rs_reader_free(r);
    free(in.paths);
    return rc;
}
