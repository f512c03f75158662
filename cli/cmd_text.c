/*
 * cmd_text.c - `rasad text`: the text layer's view of each document, one
 * JSON object per kept sentence, with byte offsets into the document text
 * and, with --tokens, each token's normalised form and stem.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct rs_text_options {
    int tokens;
    int all; /* --all: dropped sentences too, with the reason */
} rs_text_options;

static int rs_text_option(void *ctx, const char *name, const char *value)
{
    rs_text_options *o = ctx;
    (void)value;
    if (strcmp(name, "--tokens") == 0)
        o->tokens = 1;
    else if (strcmp(name, "--all") == 0)
        o->all = 1;
    return 0;
}

static void rs_put_tokens(rs_buf *out, const rs_doc *doc, const rs_sentence *s, rs_lang lang, rs_tokens *tokens)
{
    rs_tokenize(doc->text, s->start, s->end, lang, tokens);
    rs_buf_puts(out, ",\"tokens\":[");
    for (size_t i = 0; i < tokens->n; i++) {
        const rs_token *t = &tokens->items[i];
        rs_buf_puts(out, i ? ",{\"start\":" : "{\"start\":");
        rs_buf_put_uint(out, t->start);
        rs_buf_puts(out, ",\"end\":");
        rs_buf_put_uint(out, t->end);
        rs_buf_puts(out, ",\"norm\":");
        rs_json_string(out, rs_token_norm(tokens, t), t->norm_len);
        if (t->stem_off != t->norm_off) {
            rs_buf_puts(out, ",\"stem\":");
            rs_json_string(out, rs_token_stem(tokens, t), t->stem_len);
        }
        rs_buf_putc(out, '}');
    }
    rs_buf_putc(out, ']');
}

static void rs_put_sentence(rs_buf *out, const rs_doc *doc, const rs_text *t, const rs_sentence *s,
                            const rs_text_options *o, rs_tokens *tokens)
{
    rs_buf_puts(out, "{\"doc\":");
    rs_json_string(out, doc->id, strlen(doc->id));
    rs_buf_puts(out, ",\"sent\":");
    rs_buf_put_uint(out, (uint64_t)s->number);
    rs_buf_puts(out, ",\"lang\":\"");
    rs_buf_puts(out, rs_lang_code(t->lang));
    rs_buf_puts(out, "\",\"start\":");
    rs_buf_put_uint(out, s->start);
    rs_buf_puts(out, ",\"end\":");
    rs_buf_put_uint(out, s->end);
    rs_buf_puts(out, ",\"text\":");
    rs_json_string(out, doc->text + s->start, s->end - s->start);
    if (s->dropped)
        rs_buf_printf(out, ",\"dropped\":\"%s\"", rs_drop_name(s->dropped));
    if (o->tokens)
        rs_put_tokens(out, doc, s, t->lang, tokens);
    rs_buf_puts(out, "}\n");
}

static void rs_text_usage(void)
{
    printf("usage: rasad text [--tokens] [--all] [--plain --date D] [--lang L] [FILE...]\n"
           "Prints one JSON object per sentence of article text:\n"
           "  {\"doc\", \"sent\", \"lang\", \"start\", \"end\", \"text\"}\n"
           "start and end are byte offsets into the document's text; sent counts\n"
           "every sentence, page furniture included.\n"
           "  --tokens   add each token's offsets, normalised form and stem\n"
           "  --all      print the dropped furniture too, with \"dropped\": reason\n");
}

int rs_cmd_text(int argc, char **argv)
{
    static const char *const extra[] = {"--tokens", "--all", "--help", NULL};
    rs_text_options o = {0, 0};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return rs_text_usage(), 0;
    rs_cli_input in;
    int rc = rs_cli_parse_input(argc, argv, extra, rs_text_option, &o, &in);
    if (rc) {
        free(in.paths);
        return rc;
    }
    rs_reader *r = rs_cli_open_reader(&in);
    rs_buf out;
    rs_buf_init(&out);
    rs_tokens tokens;
    rs_tokens_init(&tokens);
    rs_doc doc;
    while (rs_reader_next(r, &doc)) {
        rs_lang lang = rs_lang_from_code(in.lang ? in.lang : doc.lang);
        rs_text *t = rs_text_analyze(doc.text, doc.text_len, lang);
        for (size_t i = 0; t && i < t->n_sentences; i++) {
            if (!t->sentences[i].dropped || o.all)
                rs_put_sentence(&out, &doc, t, &t->sentences[i], &o, &tokens);
            rs_cli_flush(&out, 0);
        }
        rs_text_free(t);
        rs_doc_free(&doc);
    }
    rs_cli_flush(&out, 1);
    rc = rs_cli_status(r);
    rs_tokens_free(&tokens);
    rs_buf_free(&out);
    rs_reader_free(r);
    free(in.paths);
    return rc;
}
