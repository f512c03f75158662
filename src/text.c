/*
 * text.c - the text layer run once over a document: language, lines,
 * furniture, sentences. Tokens are made later, per sentence, by whoever
 * needs them (rs_tokenize), so that this pass stays a cheap scan.
 */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words of a line, eight bytes at a time where none of them can start a
 * no-break space (C2 A0): the scan runs over every line of every
 * document. */
size_t rs_line_words(const char *s, size_t len)
{
    size_t words = 0, i = 0;
    int in_word = 0;
    while (i < len && words <= RS_LINE_WORDS_COUNTED) {
        uint64_t w;
        if (RS_LITTLE_ENDIAN && i + 8 <= len && (memcpy(&w, s + i, 8), !rs_bytes_match(w, 0xFF, 0xC2))) {
            uint64_t space = rs_bytes_match(w, 0xFF, ' ') | rs_bytes_match(w, 0xFF, '\t') | rs_bytes_match(w, 0xFF, '\r');
            /* A word starts at a byte that is not a space after one that is. */
            uint64_t space_before = space << 8 | (in_word ? 0 : 0x80);
            /* One bit per byte at most: a multiply counts them (without
             * -mpopcnt the builtin is a library call). */
            uint64_t starts = (~space & space_before & 0x8080808080808080ULL) >> 7;
            words += (size_t)((starts * 0x0101010101010101ULL) >> 56);
            in_word = !(space >> 63);
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        int is_space = c == ' ' || c == '\t' || c == '\r' || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0);
        if (is_space) {
            in_word = 0;
            i += c == 0xC2;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        i++;
    }
    return words > RS_LINE_WORDS_COUNTED ? RS_LINE_WORDS_COUNTED + 1 : words;
}

/* The document's lines, with their word counts. The caller frees it. */
static rs_line *rs_split_lines(const char *text, size_t len, size_t *n_out)
{
    size_t n = 0, cap = 64;
    rs_line *lines = malloc(cap * sizeof *lines);
    size_t at = 0;
    while (lines) {
        const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
        size_t end = nl ? (size_t)(nl - text) : len;
        if (n == cap) {
            cap *= 2;
            rs_line *grown = realloc(lines, cap * sizeof *lines);
            if (!grown)
                abort();
            lines = grown;
        }
        lines[n].start = at;
        lines[n].end = end;
        lines[n].words = rs_line_words(text + at, end - at);
        lines[n].dropped = RS_KEEP;
        n++;
        if (!nl)
            break;
        at = end + 1;
    }
    *n_out = n;
    return lines;
}

rs_text *rs_text_analyze(const char *text, size_t len, rs_lang lang)
{
    rs_text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->text = text;
    t->len = len;
    t->lang = lang != RS_LANG_UNKNOWN ? lang : rs_langid(text, len);
    size_t n;
    rs_line *lines = rs_split_lines(text, len, &n);
    if (!lines) {
        free(t);
        return NULL;
    }
    rs_furniture_mark(text, lines, n);
    for (size_t i = 0; i < n; i++) {
        if (lines[i].words == 0)
            continue;
        size_t first = t->n_sentences;
        rs_split_sentences(t, lines[i].start, lines[i].end);
        for (size_t k = first; k < t->n_sentences; k++)
            t->sentences[k].dropped = lines[i].dropped;
    }
    free(lines);
    return t;
}

void rs_text_free(rs_text *t)
{
    if (!t)
        return;
    free(t->sentences);
    free(t);
}
