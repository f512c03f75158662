/*
 * json_in.c - the common JSON Lines record read without jansson.
 *
 * Building a jansson tree for every record was an eighth of coding time.
 * Nearly every record is a flat object of strings and small integers, and
 * this reader takes exactly those. It answers only when it is sure to give
 * what jansson would give: on anything else (invalid UTF-8, a nested
 * value, a real number, a lone surrogate, \u0000, a repeated field, a
 * missing id or text) it declines, and reader.c asks jansson, which also
 * words the error messages.
 */
#include "internal.h"

#include <stdlib.h>

/* Integers of up to this many digits cannot overflow long long. */
#define RS_MAX_DIGITS 18

typedef struct rs_jp {
    const char *s;
    size_t len, i;
} rs_jp;

enum { RS_JV_STRING, RS_JV_INTEGER, RS_JV_OTHER };

/* The fields of rs_doc, in the order of rs_field_slot. */
static const char *const rs_fields[] = {"id", "text", "date", "lang", "url", "title", "source"};
#define RS_N_FIELDS (sizeof rs_fields / sizeof *rs_fields)

static void rs_jp_space(rs_jp *p)
{
    while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static int rs_jp_hex4(const rs_jp *p, size_t at, uint32_t *v)
{
    if (at + 4 > p->len)
        return 0;
    *v = 0;
    for (size_t k = at; k < at + 4; k++) {
        char c = p->s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return 0;
        *v = *v << 4 | (uint32_t)d;
    }
    return 1;
}

/* A \u escape at p->i (just after the backslash and u), with the low half
 * of a surrogate pair; 0 for \u0000 and lone surrogates. */
static uint32_t rs_jp_unicode(rs_jp *p)
{
    uint32_t v, low;
    if (!rs_jp_hex4(p, p->i, &v) || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
        return 0;
    p->i += 4;
    if (v < 0xD800 || v > 0xDBFF)
        return v;
    if (p->i + 2 > p->len || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u' || !rs_jp_hex4(p, p->i + 2, &low) ||
        low < 0xDC00 || low > 0xDFFF)
        return 0;
    p->i += 6;
    return 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
}

/* One escape at p->i (just after the backslash), appended to out. */
static int rs_jp_escape(rs_jp *p, rs_buf *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (p->i >= p->len)
        return 0;
    char c = p->s[p->i++];
    if (c == 'u') {
        uint32_t cp = rs_jp_unicode(p);
        if (cp)
            rs_buf_put_utf8(out, cp);
        return cp != 0;
    }
    for (size_t k = 0; from[k]; k++)
        if (from[k] == c) {
            rs_buf_putc(out, to[k]);
            return 1;
        }
    return 0;
}

/* The string at p->i (its opening quote), decoded into out. */
static int rs_jp_string(rs_jp *p, rs_buf *out)
{
    if (p->i >= p->len || p->s[p->i] != '"')
        return 0;
    p->i++;
    for (;;) {
        size_t run = p->i;
        while (run < p->len && p->s[run] != '"' && p->s[run] != '\\' && (unsigned char)p->s[run] >= 0x20)
            run++;
        rs_buf_append(out, p->s + p->i, run - p->i);
        p->i = run;
        if (run >= p->len || (unsigned char)p->s[run] < 0x20)
            return 0;
        p->i++;
        if (p->s[run] == '"')
            return 1;
        if (!rs_jp_escape(p, out))
            return 0;
    }
}

static int rs_jp_literal(rs_jp *p, const char *word)
{
    size_t n = strlen(word);
    if (p->i + n > p->len || memcmp(p->s + p->i, word, n) != 0)
        return 0;
    p->i += n;
    return 1;
}

/* An integer jansson would read as one: no fraction, exponent or leading
 * zero, and too short to overflow. */
static int rs_jp_integer(rs_jp *p, long long *value)
{
    int negative = p->i < p->len && p->s[p->i] == '-';
    size_t at = p->i + (size_t)negative, end = at;
    while (end < p->len && p->s[end] >= '0' && p->s[end] <= '9')
        end++;
    if (end == at || end - at > RS_MAX_DIGITS || (p->s[at] == '0' && end - at > 1))
        return 0;
    if (end < p->len && (p->s[end] == '.' || p->s[end] == 'e' || p->s[end] == 'E'))
        return 0;
    long long v = 0;
    for (size_t k = at; k < end; k++)
        v = v * 10 + (p->s[k] - '0');
    *value = negative ? -v : v;
    p->i = end;
    return 1;
}

/* A value: a string (decoded into out), an integer, or true, false, null. */
static int rs_jp_value(rs_jp *p, rs_buf *out, int *kind, long long *number)
{
    if (p->i >= p->len)
        return 0;
    char c = p->s[p->i];
    if (c == '"') {
        *kind = RS_JV_STRING;
        return rs_jp_string(p, out);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        *kind = RS_JV_INTEGER;
        return rs_jp_integer(p, number);
    }
    *kind = RS_JV_OTHER;
    return rs_jp_literal(p, "true") || rs_jp_literal(p, "false") || rs_jp_literal(p, "null");
}

static size_t rs_field_slot(const char *key, size_t len)
{
    for (size_t k = 0; k < RS_N_FIELDS; k++)
        if (strlen(rs_fields[k]) == len && memcmp(rs_fields[k], key, len) == 0)
            return k;
    return RS_N_FIELDS;
}

/* A field's value as rs_doc keeps it: strings as they are, integers
 * written out, anything else absent. Allocated; the document frees it. */
static char *rs_field_text(int kind, rs_buf *value, long long number)
{
    if (kind == RS_JV_INTEGER)
        rs_buf_printf(value, "%lld", number);
    return kind == RS_JV_OTHER ? NULL : rs_buf_detach(value);
}

static char **rs_doc_slot(rs_doc *doc, size_t k)
{
    char **slots[] = {&doc->id, &doc->text, &doc->date, &doc->lang, &doc->url, &doc->title, &doc->source};
    return slots[k];
}

/* One "key": value member at p->i, stored in doc when it is a field. */
static int rs_jp_member(rs_jp *p, rs_doc *doc, int seen[RS_N_FIELDS], rs_buf *scratch)
{
    rs_buf_clear(scratch);
    if (!rs_jp_string(p, scratch) || memchr(scratch->data, '\0', scratch->len))
        return 0;
    size_t k = rs_field_slot(scratch->data, scratch->len);
    rs_jp_space(p);
    if (p->i >= p->len || p->s[p->i++] != ':')
        return 0;
    rs_jp_space(p);
    rs_buf value;
    rs_buf_init(&value);
    int kind;
    long long number = 0;
    int ok = rs_jp_value(p, &value, &kind, &number) && (k == RS_N_FIELDS || !seen[k]);
    if (ok && k < RS_N_FIELDS) {
        seen[k] = 1;
        if (k == 1 && kind == RS_JV_STRING)
            doc->text_len = value.len;
        ok = k != 1 || kind == RS_JV_STRING;
        *rs_doc_slot(doc, k) = ok ? rs_field_text(kind, &value, number) : NULL;
    }
    rs_buf_free(&value);
    return ok;
}

static int rs_jp_object(rs_jp *p, rs_doc *doc, rs_buf *scratch)
{
    int seen[RS_N_FIELDS] = {0};
    rs_jp_space(p);
    if (p->i >= p->len || p->s[p->i++] != '{')
        return 0;
    for (;;) {
        rs_jp_space(p);
        if (!rs_jp_member(p, doc, seen, scratch))
            return 0;
        rs_jp_space(p);
        if (p->i >= p->len)
            return 0;
        char c = p->s[p->i++];
        if (c == '}')
            break;
        if (c != ',')
            return 0;
    }
    rs_jp_space(p);
    return p->i == p->len && doc->id && doc->text;
}

int rs_doc_parse_fast(const char *line, size_t len, rs_doc *doc)
{
    if (rs_utf8_valid_prefix(line, len) != len)
        return 0;
    rs_jp p = {line, len, 0};
    rs_buf scratch;
    rs_buf_init(&scratch);
    int ok = rs_jp_object(&p, doc, &scratch);
    rs_buf_free(&scratch);
    if (!ok) {
        rs_doc_free(doc);
        return 0;
    }
    return 1;
}
