/*
 * utf8.c - decoding and repairing UTF-8.
 *
 * Hand-written rather than ICU's U8_NEXT because the hot loops of the text
 * layer walk UTF-8 in place, byte offsets and all, and need the decoder
 * inlined; ICU's macros would do as well but tie every file to ICU headers.
 * Invalid input follows the WHATWG / Unicode "maximal subpart" practice in
 * its simplest form: each bad byte becomes one U+FFFD.
 */
#include "internal.h"

/* Length of the sequence starting at s[i] if it is valid, else 0. */
static size_t rs_utf8_seq_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if (len - i < n)
        return 0;
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

uint32_t rs_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t n = rs_utf8_seq_len(s, len, *i);
    if (n == 0) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; k++)
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    *i += n;
    return cp;
}

/* How many of the eight bytes at s, which start a character, are whole
 * valid characters when all eight are ASCII or belong to two-byte
 * sequences (all of Latin and Arabic script): 8, or 7 when the last is a
 * lead byte whose sequence goes on. 0 otherwise. Every continuation byte
 * must follow a lead byte C2 to DF, and every such lead byte within the
 * eight be followed by one. */
static size_t rs_short_chars_of_eight(const unsigned char *s)
{
    uint64_t w;
    __builtin_memcpy(&w, s, 8);
    uint64_t ascii = ~w & 0x8080808080808080ULL;
    uint64_t cont = rs_bytes_match(w, 0xC0, 0x80);
    uint64_t lead = rs_bytes_match(w, 0xE0, 0xC0) & ~rs_bytes_match(w, 0xFE, 0xC0);
    if ((ascii | cont | lead) != 0x8080808080808080ULL || lead << 8 != cont)
        return 0;
    return 8 - (size_t)(lead >> 63);
}

size_t rs_utf8_valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        size_t whole;
        if (RS_LITTLE_ENDIAN && i + 8 <= len && (whole = rs_short_chars_of_eight(s + i))) {
            i += whole;
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        /* Two-byte letters (all of Arabic script) are valid whenever the
         * continuation byte is there: no overlong or surrogate form. */
        if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        size_t n = rs_utf8_seq_len(s, len, i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

size_t rs_utf8_repair(const char *s, size_t len, rs_buf *out)
{
    size_t fixed = 0, i = 0;
    rs_buf_reserve(out, len);
    while (i < len) {
        size_t good = rs_utf8_valid_prefix(s + i, len - i);
        rs_buf_append(out, s + i, good);
        i += good;
        if (i < len) {
            rs_buf_append(out, "\xEF\xBF\xBD", 3);
            fixed++;
            i++;
        }
    }
    return fixed;
}
