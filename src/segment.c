/*
 * segment.c - sentences.
 *
 * A sentence ends at . ! ? ؟ … ۔ or a line break, together with the closing
 * quotes and brackets after it. A full stop does not end a sentence inside a
 * number (3.5), after an English abbreviation or title (Aug., Dr., U.S.) or
 * after an initial (John F. Kennedy). The splitter keeps the numbering of
 * shared/eval/sentences.py on ordinary text, which the gold files use, and
 * differs from it only where that one splits an abbreviation.
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Words that end in a full stop without ending a sentence. Lower case. */
static const char *const rs_titles[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm",
    "gov", "sen", "rep", "rev", "st", "hon", "pres", "amb", "brig", "cmdr", "gens",
};
static const char *const rs_abbreviations[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "approx", "inc", "ltd", "co", "corp", "dept", "est",
    "fig", "vol", "pp", "ca", "e.g", "i.e", "a.m", "p.m", "jr", "sr", "mt",
};
/* Words that often start an English sentence; after "U.S." they show the
 * abbreviation also ended the sentence. */
static const char *const rs_sentence_starters[] = {
    "the", "he", "she", "it", "they", "we", "i", "but", "in", "on", "a", "an", "this",
    "that", "there", "his", "her", "their", "its", "officials", "both", "after", "however",
};

static int rs_in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
            return 1;
    return 0;
}
#define RS_IN(w, n, list) rs_in_list(w, n, list, sizeof list / sizeof *list)

static int rs_is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB || c == 0x201D ||
           c == 0x2019 || c == 0x00AB;
}

static int rs_is_terminal(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

static int rs_is_digit_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    size_t k = i;
    uint32_t c = rs_utf8_step(s, len, &k);
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

static int rs_digit_before(const char *s, size_t start, size_t i)
{
    if (i == start)
        return 0;
    size_t at = i - 1;
    while (at > start && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return rs_is_digit_at(s, i, at);
}

/* The ASCII word (letters and inner dots) that ends just before s[i]. */
static size_t rs_word_before(const char *s, size_t start, size_t i, size_t *from)
{
    size_t k = i;
    while (k > start && (isalpha((unsigned char)s[k - 1]) || s[k - 1] == '.'))
        k--;
    *from = k;
    return i - k;
}

/* Whether the full stop at s[i] belongs to an abbreviation or an initial
 * rather than ending the sentence; next is where the following word starts. */
static int rs_abbreviation_stop(const char *s, size_t start, size_t i, size_t end, size_t next)
{
    size_t from, n = rs_word_before(s, start, i, &from);
    if (n == 0)
        return 0;
    const char *w = s + from;
    if (RS_IN(w, n, rs_titles))
        return 1;
    if (n == 1 && isupper((unsigned char)w[0]))
        return 1; /* an initial */
    int next_upper = next < end && isupper((unsigned char)s[next]);
    if (RS_IN(w, n, rs_abbreviations))
        return !next_upper;
    if (memchr(w, '.', n)) { /* U.S., U.N.: ends a sentence only before a clear new one */
        size_t m = 0;
        while (next + m < end && isalpha((unsigned char)s[next + m]))
            m++;
        return !(next_upper && RS_IN(s + next, m, rs_sentence_starters));
    }
    return 0;
}

/* White space as Unicode (and Python's str.strip, which the gold
 * splitter uses) defines it. */
static int rs_is_white(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

static size_t rs_skip_space(const char *s, size_t i, size_t end)
{
    while (i < end) {
        size_t k = i;
        if (!rs_is_white(rs_utf8_step(s, end, &k)))
            break;
        i = k;
    }
    return i;
}

/* The end of [a, b) with trailing white space taken off. */
static size_t rs_trim_end(const char *s, size_t a, size_t b)
{
    while (b > a) {
        size_t at = b - 1;
        while (at > a && ((unsigned char)s[at] & 0xC0) == 0x80)
            at--;
        size_t k = at;
        if (!rs_is_white(rs_utf8_step(s, b, &k)))
            break;
        b = at;
    }
    return b;
}

static int rs_arabic_letter_at(const char *s, size_t end, size_t i)
{
    if (i >= end)
        return 0;
    size_t k = i;
    uint32_t c = rs_utf8_step(s, end, &k);
    return c >= 0x0621 && c <= 0x06FF && !(c >= 0x0660 && c <= 0x0669) && !(c >= 0x06F0 && c <= 0x06F9);
}

static void rs_push_sentence(rs_text *t, size_t a, size_t b)
{
    a = rs_skip_space(t->text, a, b);
    b = rs_trim_end(t->text, a, b);
    if (a >= b)
        return;
    if (t->n_sentences == t->cap_sentences) {
        t->cap_sentences = t->cap_sentences ? t->cap_sentences * 2 : 32;
        t->sentences = realloc(t->sentences, t->cap_sentences * sizeof *t->sentences);
        if (!t->sentences)
            abort();
    }
    rs_sentence *s = &t->sentences[t->n_sentences++];
    s->start = a;
    s->end = b;
    s->number = (int)t->n_sentences;
    s->dropped = RS_KEEP;
}

/* Where the sentence ending at the terminal s[i..k) really ends (after
 * repeated marks and closing quotes), or 0 when it does not end there. */
static size_t rs_sentence_end(const char *s, size_t start, size_t end, size_t i, size_t k, uint32_t c)
{
    while (k < end) {
        size_t m = k;
        uint32_t d = rs_utf8_step(s, end, &m);
        if (!rs_is_terminal(d) && !rs_is_closer(d))
            break;
        k = m;
    }
    size_t next = rs_skip_space(s, k, end);
    if (c == '.' && rs_digit_before(s, start, i) && rs_is_digit_at(s, end, i + 1))
        return 0;
    if (next == k && k < end && !rs_arabic_letter_at(s, end, k))
        return 0; /* "example.com", "3.5": no space, not Arabic script after */
    if (c == '.' && rs_abbreviation_stop(s, start, i, end, next))
        return 0;
    return k;
}

/* Whether s[i..] is the UTF-8 of ؟ (D8 9F), ۔ (DB 94) or … (E2 80 A6). */
static int rs_terminal_bytes(const char *s, size_t end, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 1 >= end)
        return 0;
    if (u[0] == 0xD8)
        return u[1] == 0x9F;
    if (u[0] == 0xDB)
        return u[1] == 0x94;
    return u[0] == 0xE2 && i + 2 < end && u[1] == 0x80 && u[2] == 0xA6;
}

/* Whether the eight bytes of w hold a byte of a line break or terminal
 * mark: \n . ! ? and the bytes 9F 94 A6 that end ؟ ۔ …. */
static int rs_may_hold_stop(uint64_t w)
{
    static const unsigned char marks[] = {'\n', '.', '!', '?', 0x9F, 0x94, 0xA6};
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t found = 0;
    for (size_t k = 0; k < sizeof marks; k++) {
        uint64_t x = w ^ (ones * marks[k]);
        found |= (x - ones) & ~x & highs;
    }
    return found != 0;
}

void rs_split_sentences(rs_text *t, size_t start, size_t end)
{
    const char *s = t->text;
    size_t from = start, i = start;
    while (i < end) {
        /* Eight bytes without a mark's byte hold no mark that starts in
         * their first six (a mark's last byte is at most two on). */
        uint64_t w;
        if (i + 8 <= end && (memcpy(&w, s + i, 8), !rs_may_hold_stop(w))) {
            i += 6;
            continue;
        }
        unsigned char b = (unsigned char)s[i];
        if (b == '\n') {
            rs_push_sentence(t, from, i);
            from = ++i;
            continue;
        }
        /* Only these bytes can start a terminal mark; most Arabic-script
         * letters share its lead bytes, so the rest of the mark is checked
         * before any decoding. A continuation byte never starts one. */
        if (b != '.' && b != '!' && b != '?' && !rs_terminal_bytes(s, end, i)) {
            i++;
            continue;
        }
        size_t k = i;
        uint32_t c = rs_utf8_step(s, end, &k);
        if (!rs_is_terminal(c)) {
            i = k;
            continue;
        }
        size_t stop = rs_sentence_end(s, start, end, i, k, c);
        if (stop) {
            rs_push_sentence(t, from, stop);
            from = i = stop;
        } else {
            i = k;
        }
    }
    rs_push_sentence(t, from, end);
}
