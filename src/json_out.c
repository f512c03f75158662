/*
 * json_out.c - writing JSON string literals.
 *
 * jansson reads our input, but output is streamed: one object per sentence,
 * token or event, written straight into a buffer. Building a jansson tree
 * for each would cost an allocation per field in the innermost loop, so the
 * one thing output needs, escaping a string, is written here.
 */
#include "rasad.h"

#include <stdint.h>
#include <string.h>

static const char rs_hex[] = "0123456789abcdef";

/* Whether any of the eight bytes at s needs escaping (a control
 * character, '"' or '\\'): the exact any-byte tests of "Bit Twiddling
 * Hacks", so that the plain text of the output is skipped a word at a
 * time. */
static int rs_word_needs_escape(const char *s)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t found = ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
    return (found & highs) != 0;
}

void rs_json_string(rs_buf *out, const char *s, size_t len)
{
    rs_buf_reserve(out, len + 2);
    rs_buf_putc(out, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        if (i + 8 <= len && !rs_word_needs_escape(s + i)) {
            i += 7;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rs_buf_append(out, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': rs_buf_append(out, "\\\"", 2); break;
        case '\\': rs_buf_append(out, "\\\\", 2); break;
        case '\n': rs_buf_append(out, "\\n", 2); break;
        case '\r': rs_buf_append(out, "\\r", 2); break;
        case '\t': rs_buf_append(out, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', rs_hex[c >> 4], rs_hex[c & 15]};
            rs_buf_append(out, esc, 6);
        }
        }
    }
    rs_buf_append(out, s + run, len - run);
    rs_buf_putc(out, '"');
}
