/*
 * fuzz_text.c - libFuzzer target for the text layer: the JSON record
 * parser, charset repair, language identification, furniture, sentences,
 * normalisation and tokens, on arbitrary bytes.
 */
#include "rasad.h"

#include <stdlib.h>
#include <string.h>

static void rs_fuzz_document(const char *text, size_t len)
{
    rs_text *t = rs_text_analyze(text, len, RS_LANG_UNKNOWN);
    rs_tokens tokens;
    rs_tokens_init(&tokens);
    rs_buf norm;
    rs_buf_init(&norm);
    for (size_t i = 0; t && i < t->n_sentences; i++) {
        const rs_sentence *s = &t->sentences[i];
        if (s->start > s->end || s->end > len)
            abort();
        rs_tokenize(text, s->start, s->end, t->lang, &tokens);
        for (size_t k = 0; k < tokens.n; k++) {
            const rs_token *tok = &tokens.items[k];
            if (tok->start < s->start || tok->end > s->end)
                abort();
            /* A word's form is its text normalised, whether the tokenizer
             * folded it while scanning or normalised it whole. (A word
             * joined to a detached affix may hold marks in between that
             * keep rs_normalize from joining the same text.) */
            rs_buf_clear(&norm);
            rs_normalize(text + tok->start, tok->end - tok->start, &norm);
            if (tok->kind == RS_TOKEN_WORD && !memchr(norm.data, ' ', norm.len) &&
                (norm.len != tok->norm_len || memcmp(norm.data, rs_token_norm(&tokens, tok), norm.len) != 0))
                abort();
        }
    }
    rs_buf_free(&norm);
    rs_tokens_free(&tokens);
    rs_text_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    rs_doc doc;
    char why[256];
    if (rs_doc_parse_json(bytes, size, &doc, why, sizeof why) >= 0)
        rs_fuzz_document(doc.text, doc.text_len);
    rs_doc_free(&doc);

    rs_buf clean, norm;
    rs_buf_init(&clean);
    rs_buf_init(&norm);
    rs_to_utf8(bytes, size, &clean);
    if (rs_utf8_valid_prefix(clean.data, clean.len) != clean.len)
        abort();
    rs_fuzz_document(clean.data, clean.len);
    rs_normalize(clean.data, clean.len, &norm);
    if (rs_utf8_valid_prefix(norm.data, norm.len) != norm.len)
        abort();
    rs_buf_free(&clean);
    rs_buf_free(&norm);
    return 0;
}
