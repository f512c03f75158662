/*
 * normalize.c - the one canonical form that every dictionary lookup uses.
 *
 * The form is specified in docs/normalization.md. In short: NFKC (ICU),
 * case folded, Arabic-script letter variants folded to one letter each,
 * harakat, tatweel and invisible format characters removed, ZWNJ removed so
 * the two halves join, detached Persian affixes (می کند, رسانه های) joined
 * the same way, digits made ASCII, white space collapsed.
 *
 * Most news text is plain Arabic-block letters and ASCII, which NFKC leaves
 * as they are; such strings skip ICU entirely (the fast path). Anything else
 * takes the ICU path first. tests/unit/test_normalize.c checks that the two
 * paths agree on every character the fast path accepts.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define RS_DELETE 0xFFFFFFFFu

static int rs_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Characters that carry no letter: harakat, Quranic marks, tatweel, and the
 * invisible joiners, direction marks and byte-order mark of web text. */
static int rs_is_ignorable(uint32_t c)
{
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
           c == 0x0640 || (c >= 0x200B && c <= 0x200F) || c == 0x061C || c == 0x00AD ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

/* One code point's folded form: a replacement, or RS_DELETE. */
static uint32_t rs_fold_char(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : rs_is_space(c) ? ' ' : c;
    if (rs_is_ignorable(c))
        return RS_DELETE;
    if (rs_is_space(c))
        return ' ';
    switch (c) {
    case 0x064A: case 0x0649: case 0x06CC: case 0x06CD: case 0x06D0: case 0x06D2:
    case 0x0626: /* ئ: kept apart from ی by ICU, folded here as news spells both */
        return 0x06CC;
    case 0x0643: case 0x06AA:
        return 0x06A9;
    case 0x0629: case 0x06C0: case 0x06D5: case 0x06C1: case 0x06C2: case 0x06BE:
        return 0x0647;
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672: case 0x0673:
        return 0x0627;
    case 0x066B:
        return '.';
    case 0x066C:
        return ',';
    }
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    return c;
}

/* True when NFKC and case folding leave c as it is, so the fast path may
 * take it. The combining hamza and maddah compose with the letter before
 * them, and the high-hamza letters decompose: both need ICU. */
static int rs_fast_char(uint32_t c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0x0600 && c <= 0x06FF)
        return !(c >= 0x0653 && c <= 0x0655) && !(c >= 0x0675 && c <= 0x0678);
    return rs_is_ignorable(c) || rs_is_space(c) || c == 0xAB || c == 0xBB ||
           c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

/* rs_fold_char and rs_fast_char of the one- and two-byte code points,
 * worked out once: every character of every token is folded, and nearly
 * all are in this range. A fold of RS_FOLD_DELETE is RS_DELETE; every
 * other fold of these code points is below RS_FOLD_TABLE too. */
#define RS_FOLD_TABLE 0x800
#define RS_FOLD_DELETE 0xFFFF
static struct {
    uint16_t fold[RS_FOLD_TABLE];
    uint8_t fast[RS_FOLD_TABLE];
    uint8_t plain[RS_FOLD_TABLE]; /* two bytes, fast, and folds to itself */
} rs_fold_table;
static pthread_once_t rs_fold_once = PTHREAD_ONCE_INIT;

static void rs_build_fold_table(void)
{
    for (uint32_t c = 0; c < RS_FOLD_TABLE; c++) {
        uint32_t f = rs_fold_char(c);
        rs_fold_table.fold[c] = f == RS_DELETE ? RS_FOLD_DELETE : (uint16_t)f;
        rs_fold_table.fast[c] = (uint8_t)rs_fast_char(c);
        rs_fold_table.plain[c] = c >= 0x80 && f == c && rs_fast_char(c);
    }
}

static int rs_fast(uint32_t c)
{
    return c < RS_FOLD_TABLE ? rs_fold_table.fast[c] : rs_fast_char(c);
}

static uint32_t rs_fold_code(uint32_t c)
{
    if (c >= RS_FOLD_TABLE)
        return rs_fold_char(c);
    return rs_fold_table.fold[c] == RS_FOLD_DELETE ? RS_DELETE : rs_fold_table.fold[c];
}

uint32_t rs_fold_alone(uint32_t c)
{
    pthread_once(&rs_fold_once, rs_build_fold_table);
    if (c == 0 || !rs_fast(c))
        return 0;
    uint32_t f = rs_fold_code(c);
    return f == RS_DELETE || f == ' ' ? 0 : f;
}

/* Whether s[i] starts a two-byte letter that rs_fold_into copies as it
 * is: most letters of Arabic script are. */
static int rs_plain_pair(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    return u[0] >= 0xC2 && u[0] <= 0xDF && i + 1 < len && (u[1] & 0xC0) == 0x80 &&
           rs_fold_table.plain[(u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu)];
}

/* Folds each character of s into out, collapsing and trimming spaces;
 * returns whether it wrote a space. With fast_only set it stops, returning
 * -1 with out as it was, at the first character that needs ICU: most text
 * has none, and is then read once instead of twice. Bytes are written
 * directly into room reserved at the start: only a bad byte (U+FFFD) folds
 * to more bytes than it had, and it makes more room. */
static int rs_fold_into(const char *s, size_t len, rs_buf *out, int fast_only)
{
    rs_buf_reserve(out, len);
    size_t base = out->len, i = 0;
    char *w = out->data + base;
    int pending_space = 0, spaced = 0;
    while (i < len) {
        if (rs_plain_pair(s, len, i)) {
            if (pending_space)
                *w++ = ' ';
            spaced |= pending_space;
            pending_space = 0;
            memcpy(w, s + i, 2);
            w += 2;
            i += 2;
            continue;
        }
        size_t at = i;
        uint32_t raw = rs_utf8_step(s, len, &i);
        if (fast_only && raw >= 0x80 && !rs_fast(raw)) {
            out->len = base;
            out->data[base] = '\0';
            return -1;
        }
        uint32_t c = rs_fold_code(raw);
        if (c == RS_DELETE)
            continue;
        if (c == ' ') {
            pending_space = (size_t)(w - out->data) > base;
            continue;
        }
        if (c >= 0x80 && rs_utf8_size(c) > i - at) {
            out->len = (size_t)(w - out->data);
            rs_buf_reserve(out, 1 + rs_utf8_size(c) + (len - i));
            w = out->data + out->len;
        }
        if (pending_space)
            *w++ = ' ';
        spaced |= pending_space;
        pending_space = 0;
        w += rs_utf8_encode(c, w);
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
    return spaced;
}

/* NFKC and full case folding through ICU, then the same folding;
 * returns whether it wrote a space. */
static int rs_fold_with_icu(const char *s, size_t len, rs_buf *out)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    int32_t n16 = 0;
    u_strFromUTF8WithSub(NULL, 0, &n16, s, (int32_t)len, 0xFFFD, NULL, &err);
    err = U_ZERO_ERROR;
    size_t cap = (size_t)n16 + 1;
    UChar *a = malloc(cap * sizeof *a * 4);
    UChar *b = a + cap * 2;
    u_strFromUTF8WithSub(a, (int32_t)cap, &n16, s, (int32_t)len, 0xFFFD, NULL, &err);
    int32_t nn = unorm2_normalize(nfkc, a, n16, b, (int32_t)cap * 2, &err);
    int32_t nf = U_SUCCESS(err) ? u_strFoldCase(a, (int32_t)cap * 2, b, nn, U_FOLD_CASE_DEFAULT, &err) : 0;
    if (U_FAILURE(err)) {
        /* Only a pathological expansion could overflow; fall back to the
         * character folding alone rather than lose the text. */
        free(a);
        return rs_fold_into(s, len, out, 0);
    }
    rs_buf tmp;
    rs_buf_init(&tmp);
    int32_t n8 = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &n8, a, nf, &err);
    err = U_ZERO_ERROR;
    rs_buf_reserve(&tmp, (size_t)n8);
    u_strToUTF8(tmp.data, n8 + 1, &n8, a, nf, &err);
    tmp.len = (size_t)n8;
    free(a);
    int spaced = rs_fold_into(tmp.data, tmp.len, out, 0);
    rs_buf_free(&tmp);
    return spaced;
}

/* ------------------------------------------------------------ Persian affixes */

/* Words that stand apart in some spellings but belong to a neighbour:
 * the verbal prefixes attach to the next word, the suffixes to the one
 * before. All in folded form. */
static const rs_word rs_prefix_words[] = {RS_WORD("می"), RS_WORD("نمی")};
static const rs_word rs_suffix_words[] = {
    RS_WORD("ها"), RS_WORD("های"), RS_WORD("هایی"), RS_WORD("هایم"), RS_WORD("هایت"), RS_WORD("هایش"),
    RS_WORD("هایمان"), RS_WORD("هایتان"), RS_WORD("هایشان"), RS_WORD("ترین"),
};

static int rs_is_arabic_letter(uint32_t c)
{
    return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
           (c >= 0x06FA && c <= 0x06FF);
}

/* The run of Arabic-script letters at the start of w: "ها:" is the suffix
 * ها followed by punctuation. */
static size_t rs_leading_letters(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = i;
        if (!rs_is_arabic_letter(rs_utf8_step(w, n, &k)))
            break;
        i = k;
    }
    return i;
}

/* The run of Arabic-script letters at the end of w; *from is where it starts. */
static size_t rs_trailing_letters(const char *w, size_t n, size_t *from)
{
    size_t i = n;
    while (i > 0) {
        size_t at = i - 1;
        while (at > 0 && ((unsigned char)w[at] & 0xC0) == 0x80)
            at--;
        size_t k = at;
        if (!rs_is_arabic_letter(rs_utf8_step(w, n, &k)))
            break;
        i = at;
    }
    *from = i;
    return n - i;
}

/* The bytes at a seam that a join needs: a prefix word is می or نمی, so
 * the word before the space ends in می; a suffix word starts with ها or is
 * ترین; and ای joins only a word ending in ه. */
static int rs_ends_with(const char *w, size_t n, const char *tail, size_t tn)
{
    return n >= tn && memcmp(w + n - tn, tail, tn) == 0;
}

static int rs_starts_with(const char *w, size_t n, const char *head, size_t hn)
{
    return n >= hn && memcmp(w, head, hn) == 0;
}

static int rs_may_open_suffix(const char *w, size_t n)
{
    return rs_starts_with(w, n, "ها", 4) || rs_starts_with(w, n, "ترین", 8);
}

/* Whether the pair can join at all, from the bytes at the seam. Most
 * pairs, among them the many words that end in ی, fail this without
 * decoding. */
static int rs_may_join(const char *a, size_t an, const char *b, size_t bn)
{
    return rs_ends_with(a, an, "می", 4) || rs_may_open_suffix(b, bn) ||
           (rs_starts_with(b, bn, "ای", 4) && rs_ends_with(a, an, "ه", 2));
}

int rs_affix_may_join(const char *w, size_t n)
{
    return rs_ends_with(w, n, "می", 4) || rs_may_open_suffix(w, n) || rs_starts_with(w, n, "ای", 4);
}

int rs_affix_joins(const char *p, size_t pn, const char *a, size_t an, const char *b, size_t bn)
{
    if (!rs_may_join(a, an, b, bn))
        return 0;
    size_t from;
    size_t bl = rs_leading_letters(b, bn);
    size_t al = rs_trailing_letters(a, an, &from);
    a += from;
    if (al == 0)
        return 0; /* a ends in punctuation or a digit: "کابل، ها" is no plural */
    if (rs_word_in(a, al, rs_prefix_words, RS_WORD_COUNT(rs_prefix_words)) && bl > 0)
        /* "ماه می" and "۱۵ می" are the month May, not the verbal prefix. */
        return !(p && ((pn == 6 && memcmp(p, "ماه", 6) == 0) || (*p >= '0' && *p <= '9')));
    if (rs_word_in(b, bl, rs_suffix_words, RS_WORD_COUNT(rs_suffix_words)))
        return 1;
    /* The indefinite or ezafe ای after a word ending in ه: خانه ای. */
    return bl == 4 && memcmp(b, "ای", 4) == 0 && memcmp(a + al - 2, "ه", 2) == 0;
}

/* Removes the affix spaces from out->data[base..], in place. */
static void rs_join_affixes(rs_buf *out, size_t base)
{
    char *s = out->data + base;
    size_t len = out->len - base, w = 0, r = 0;
    const char *prev = NULL; /* the word before the current one, already written */
    size_t prev_len = 0, cur = 0;  /* the current word starts at s[cur] (written part) */
    if (!memchr(s, ' ', len))
        return;
    while (r < len) {
        if (s[r] != ' ') {
            s[w++] = s[r++];
            continue;
        }
        const char *next = s + r + 1;
        const char *end = memchr(next, ' ', len - r - 1);
        size_t next_len = end ? (size_t)(end - next) : len - r - 1;
        if (!rs_affix_joins(prev, prev_len, s + cur, w - cur, next, next_len)) {
            prev = s + cur;
            prev_len = w - cur;
            s[w++] = ' ';
            cur = w;
        }
        r++;
    }
    out->len = base + w;
    out->data[out->len] = '\0';
}

void rs_normalize(const char *s, size_t len, rs_buf *out)
{
    pthread_once(&rs_fold_once, rs_build_fold_table);
    size_t base = out->len;
    int spaced = rs_fold_into(s, len, out, 1);
    if (spaced < 0)
        spaced = rs_fold_with_icu(s, len, out);
    if (spaced)
        rs_join_affixes(out, base);
}

char *rs_normalize_dup(const char *s, size_t len)
{
    rs_buf b;
    rs_buf_init(&b);
    rs_normalize(s, len, &b);
    return rs_buf_detach(&b);
}
