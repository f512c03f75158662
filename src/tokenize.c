/*
 * tokenize.c - tokens with byte offsets, normalised forms and a guess at
 * each word's stem.
 *
 * Words are runs of letters (with harakat and ZWNJ inside), numbers are
 * runs of digits with the separators of dates and decimals inside
 * (2024-11-26, ۱۴۰۲/۰۳/۳۰, ۳٫۵), and every other visible character is a
 * punctuation token. Digits glued to words ("25نوقمبر2024") are split off.
 * Detached Persian affixes are joined into their word, as rs_normalize does.
 *
 * The stem is found by taking off the clitics and suffixes that the issue
 * lists: Arabic و ف ب ل ك س, the article ال and pronoun and plural
 * suffixes; Persian plural, ezafe, indefinite and pronominal suffixes and the
 * verbal prefix می; English possessives and plurals. It is only a guess
 * for lookups to try after the whole word fails.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

typedef enum { RS_CH_SPACE, RS_CH_LETTER, RS_CH_DIGIT, RS_CH_MARK, RS_CH_JOINER, RS_CH_OTHER } rs_char_class;

static rs_char_class rs_classify_slow(uint32_t c)
{
    if (c < 0x80) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return RS_CH_SPACE;
        if ((c | 32) >= 'a' && (c | 32) <= 'z')
            return RS_CH_LETTER;
        return c >= '0' && c <= '9' ? RS_CH_DIGIT : RS_CH_OTHER;
    }
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        return RS_CH_DIGIT;
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED))
        return RS_CH_MARK;
    if (c == 0x200C || c == 0x200D)
        return RS_CH_JOINER;
    if (c == 0xA0 || c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF || u_isspace((UChar32)c))
        return RS_CH_SPACE;
    if (u_isalpha((UChar32)c))
        return RS_CH_LETTER;
    if (u_isdigit((UChar32)c))
        return RS_CH_DIGIT;
    return u_getCombiningClass((UChar32)c) ? RS_CH_MARK : RS_CH_OTHER;
}

/* The classes of the one- and two-byte code points (ASCII, Latin, Arabic
 * script), worked out once by rs_classify_slow: asking ICU for every
 * letter of every sentence was a large part of tokenising. */
#define RS_CLASS_TABLE 0x800
static uint8_t rs_class_table[RS_CLASS_TABLE];
/* For the letters of that range that rs_normalize folds one by one
 * (rs_fold_alone), the folded letter; 0 for the rest. */
static uint16_t rs_letter_fold[RS_CLASS_TABLE];
static pthread_once_t rs_class_once = PTHREAD_ONCE_INIT;

static void rs_build_class_table(void)
{
    for (uint32_t c = 0; c < RS_CLASS_TABLE; c++) {
        rs_class_table[c] = (uint8_t)rs_classify_slow(c);
        uint32_t f = rs_class_table[c] == RS_CH_LETTER ? rs_fold_alone(c) : 0;
        rs_letter_fold[c] = (uint16_t)(f < RS_CLASS_TABLE ? f : 0);
    }
}

static rs_char_class rs_classify(uint32_t c)
{
    return c < RS_CLASS_TABLE ? (rs_char_class)rs_class_table[c] : rs_classify_slow(c);
}

static int rs_is_latin(uint32_t c)
{
    return c < 0x250 && (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xC0);
}

/* Characters that stay inside a number when a digit follows them. */
static int rs_number_joiner(uint32_t c)
{
    return c == '.' || c == ',' || c == '/' || c == '-' || c == ':' || c == 0x066B || c == 0x066C;
}

/* Characters that stay inside a Latin word when a Latin letter follows. */
static int rs_word_joiner(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == '-';
}

typedef struct rs_cursor {
    const char *s;
    size_t end;
} rs_cursor;

static uint32_t rs_peek(const rs_cursor *cur, size_t i, size_t *next)
{
    *next = i;
    return i < cur->end ? rs_utf8_step(cur->s, cur->end, next) : 0;
}

/* The end of the word starting at i. */
static size_t rs_scan_word(const rs_cursor *cur, size_t i)
{
    size_t next;
    uint32_t c = rs_peek(cur, i, &next);
    int latin = rs_is_latin(c);
    i = next;
    while (i < cur->end) {
        c = rs_peek(cur, i, &next);
        rs_char_class k = rs_classify(c);
        if (k == RS_CH_LETTER || k == RS_CH_MARK) {
            i = next;
            continue;
        }
        size_t after;
        uint32_t d = rs_peek(cur, next, &after);
        int joins = (k == RS_CH_JOINER && rs_classify(d) == RS_CH_LETTER) ||
                    (latin && rs_word_joiner(c) && rs_is_latin(d) && rs_classify(d) == RS_CH_LETTER);
        if (!joins)
            break;
        i = next;
    }
    return i;
}

/* Whether the word being scanned goes on at i, where a character that
 * rs_letter_fold has no entry for stands: a letter or mark that needs the
 * general path, or a joiner that may join. */
static int rs_word_goes_on(const rs_cursor *cur, size_t i)
{
    size_t next;
    uint32_t c = rs_peek(cur, i, &next);
    rs_char_class k = rs_classify(c);
    return k == RS_CH_LETTER || k == RS_CH_MARK || k == RS_CH_JOINER || rs_word_joiner(c);
}

/* Scans the word at i and appends its normalised form (no NUL) to pool,
 * when every character of it has an rs_letter_fold entry, as in nearly
 * every word; returns its end. Returns 0, with pool as it was, for any
 * other word: rs_scan_word and rs_normalize take those. One read of each
 * byte instead of two. */
static size_t rs_scan_folding(const rs_cursor *cur, size_t i, rs_buf *pool)
{
    const unsigned char *u = (const unsigned char *)cur->s;
    size_t end = cur->end;
    rs_buf_reserve(pool, end - i);
    unsigned char *w = (unsigned char *)pool->data + pool->len;
    while (i < end) {
        uint32_t f;
        if (u[i] < 0x80 && (f = rs_letter_fold[u[i]])) {
            *w++ = (unsigned char)f;
            i++;
        } else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < end && (u[i + 1] & 0xC0) == 0x80 &&
                   (f = rs_letter_fold[(u[i] & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu)])) {
            w += rs_utf8_encode(f, (char *)w);
            i += 2;
        } else {
            break;
        }
    }
    if (i < end && rs_word_goes_on(cur, i)) {
        pool->data[pool->len] = '\0';
        return 0;
    }
    pool->len = (size_t)((char *)w - pool->data);
    return i;
}

/* The end of the number starting at i. */
static size_t rs_scan_number(const rs_cursor *cur, size_t i)
{
    size_t next;
    while (i < cur->end) {
        uint32_t c = rs_peek(cur, i, &next);
        if (rs_classify(c) == RS_CH_DIGIT) {
            i = next;
            continue;
        }
        size_t after;
        if (!rs_number_joiner(c) || rs_classify(rs_peek(cur, next, &after)) != RS_CH_DIGIT)
            break;
        i = next;
    }
    return i;
}

static rs_token *rs_new_token(rs_tokens *list)
{
    if (list->n == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 64;
        list->items = realloc(list->items, list->cap * sizeof *list->items);
        if (!list->items)
            abort();
    }
    rs_token *t = &list->items[list->n++];
    memset(t, 0, sizeof *t);
    return t;
}

/* Adds the token [a, b) whose normalised form is the end of the pool
 * from norm_off on. */
static void rs_push_token(rs_tokens *list, size_t a, size_t b, rs_token_kind kind, size_t norm_off)
{
    rs_token *t = rs_new_token(list);
    t->start = a;
    t->end = b;
    t->kind = (uint8_t)kind;
    t->norm_off = (uint32_t)norm_off;
    t->norm_len = (uint32_t)(list->pool.len - norm_off);
    rs_buf_putc(&list->pool, '\0');
}

static void rs_add_token(rs_tokens *list, const char *text, size_t a, size_t b, rs_token_kind kind)
{
    size_t norm_off = list->pool.len;
    rs_normalize(text + a, b - a, &list->pool);
    rs_push_token(list, a, b, kind, norm_off);
}

/* Joins detached Persian affixes: each word that rs_affix_joins attaches
 * to the word before it is merged into that token. */
static void rs_join_tokens(rs_tokens *list, const char *text)
{
    size_t w = 0;
    for (size_t r = 0; r < list->n; r++) {
        rs_token *cur = &list->items[r];
        if (w > 0) {
            rs_token *prev = &list->items[w - 1];
            rs_token *before = w > 1 ? &list->items[w - 2] : NULL;
            const char *pool = list->pool.data;
            /* The line break is looked for last: most pairs fail before. */
            if (prev->kind == RS_TOKEN_WORD && cur->kind == RS_TOKEN_WORD &&
                rs_affix_joins(before ? pool + before->norm_off : NULL, before ? before->norm_len : 0,
                               pool + prev->norm_off, prev->norm_len, pool + cur->norm_off, cur->norm_len) &&
                !memchr(text + prev->end, '\n', cur->start - prev->end)) {
                /* Reserved first, so the copies' sources stay put. */
                rs_buf_reserve(&list->pool, (size_t)prev->norm_len + cur->norm_len + 1);
                uint32_t off = (uint32_t)list->pool.len;
                rs_buf_append(&list->pool, list->pool.data + prev->norm_off, prev->norm_len);
                rs_buf_append(&list->pool, list->pool.data + cur->norm_off, cur->norm_len);
                rs_buf_putc(&list->pool, '\0');
                prev->end = cur->end;
                prev->norm_off = off;
                prev->norm_len += cur->norm_len;
                continue;
            }
        }
        if (w != r)
            list->items[w] = *cur;
        w++;
    }
    list->n = w;
}

/* ------------------------------------------------------------ stems */

typedef struct rs_affix {
    const char *text;
    uint8_t len;      /* bytes of text */
    uint16_t flag;
    uint8_t min_rest; /* letters that must remain */
} rs_affix;
#define RS_AF(text, flag, min_rest) {text, sizeof text - 1, flag, min_rest}


/* Takes the first matching prefix off [*a, b); returns its flag or 0.
 * The affix's last byte is tried first: Arabic-script letters share their
 * lead bytes, so the first byte nearly always matches and tells nothing. */
static uint16_t rs_take_prefix(const char *s, size_t *a, size_t b, const rs_affix *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = list[i].len;
        if (b - *a > len && s[*a + len - 1] == list[i].text[len - 1] &&
            rs_same_bytes(s + *a, list[i].text, len) &&
            rs_utf8_letters(s + *a + len, b - *a - len) >= list[i].min_rest) {
            *a += len;
            return list[i].flag;
        }
    }
    return 0;
}

static uint16_t rs_take_suffix(const char *s, size_t a, size_t *b, const rs_affix *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = list[i].len;
        if (*b - a > len && s[*b - 1] == list[i].text[len - 1] &&
            rs_same_bytes(s + *b - len, list[i].text, len) &&
            rs_utf8_letters(s + a, *b - a - len) >= list[i].min_rest) {
            *b -= len;
            return list[i].flag;
        }
    }
    return 0;
}
#define RS_COUNT(list) (sizeof list / sizeof *list)

static const rs_affix rs_ar_conj[] = {RS_AF("و", RS_AFFIX_CONJ, 3), RS_AF("ف", RS_AFFIX_CONJ, 3)};
static const rs_affix rs_ar_prep[] = {
    RS_AF("لل", RS_AFFIX_PREP | RS_AFFIX_ARTICLE, 2), RS_AF("ب", RS_AFFIX_PREP, 3),
    RS_AF("ل", RS_AFFIX_PREP, 3), RS_AF("ک", RS_AFFIX_PREP, 3), RS_AF("س", RS_AFFIX_FUTURE, 3),
};
static const rs_affix rs_ar_article[] = {RS_AF("ال", RS_AFFIX_ARTICLE, 2)};
static const rs_affix rs_ar_suffixes[] = {
    RS_AF("هما", RS_AFFIX_PRONOUN, 3), RS_AF("هم", RS_AFFIX_PRONOUN, 3), RS_AF("ها", RS_AFFIX_PRONOUN, 3),
    RS_AF("کم", RS_AFFIX_PRONOUN, 3), RS_AF("نا", RS_AFFIX_PRONOUN, 3), RS_AF("ون", RS_AFFIX_PLURAL, 3),
    RS_AF("ین", RS_AFFIX_PLURAL, 3), RS_AF("ات", RS_AFFIX_PLURAL, 3),
};

/* The future prefix سـ only comes before an imperfect verb's own prefix. */
static int rs_future_ok(const char *s, size_t a)
{
    return memcmp(s + a, "ی", 2) == 0 || memcmp(s + a, "ت", 2) == 0 || memcmp(s + a, "ن", 2) == 0 ||
           memcmp(s + a, "ا", 2) == 0;
}

static uint16_t rs_stem_arabic(const char *s, size_t *a, size_t *b)
{
    uint16_t flags = rs_take_prefix(s, a, *b, rs_ar_conj, RS_COUNT(rs_ar_conj));
    size_t before = *a;
    uint16_t prep = rs_take_prefix(s, a, *b, rs_ar_prep, RS_COUNT(rs_ar_prep));
    if (prep == RS_AFFIX_FUTURE && !rs_future_ok(s, *a))
        *a = before, prep = 0;
    flags |= prep;
    if (!(flags & RS_AFFIX_ARTICLE))
        flags |= rs_take_prefix(s, a, *b, rs_ar_article, RS_COUNT(rs_ar_article));
    flags |= rs_take_suffix(s, *a, b, rs_ar_suffixes, RS_COUNT(rs_ar_suffixes));
    return flags;
}

static const rs_affix rs_fa_plural[] = {
    RS_AF("هایشان", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2), RS_AF("هایتان", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2),
    RS_AF("هایمان", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2), RS_AF("هایش", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2),
    RS_AF("هایم", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2), RS_AF("هایت", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN, 2),
    RS_AF("هایی", RS_AFFIX_PLURAL | RS_AFFIX_EZAFE, 2), RS_AF("های", RS_AFFIX_PLURAL | RS_AFFIX_EZAFE, 2),
    RS_AF("ها", RS_AFFIX_PLURAL, 2),
};
static const rs_affix rs_fa_verb_prefix[] = {RS_AF("نمی", RS_AFFIX_VERB_PREFIX, 2), RS_AF("می", RS_AFFIX_VERB_PREFIX, 2)};
static const rs_affix rs_fa_verb_endings[] = {
    RS_AF("ند", 0, 1), RS_AF("د", 0, 1), RS_AF("یم", 0, 1), RS_AF("ید", 0, 1), RS_AF("م", 0, 1), RS_AF("ی", 0, 1),
};

static int rs_ends_with(const char *s, size_t a, size_t b, const char *tail)
{
    size_t n = strlen(tail);
    return b - a >= n && memcmp(s + b - n, tail, n) == 0;
}

/* The length of a final ezafe or indefinite: ای after ه, or ی after ا و ه. */
static size_t rs_vowel_suffix_len(const char *s, size_t a, size_t b)
{
    if (b - a >= 8 && rs_ends_with(s, a, b, "ای") && rs_ends_with(s, a, b - 4, "ه"))
        return 4;
    if (b - a < 6 || !rs_ends_with(s, a, b, "ی"))
        return 0;
    int vowel = rs_ends_with(s, a, b - 2, "ا") || rs_ends_with(s, a, b - 2, "و") || rs_ends_with(s, a, b - 2, "ه");
    return vowel ? 2 : 0;
}

static uint16_t rs_stem_persian(const char *s, size_t *a, size_t *b)
{
    uint16_t flags = rs_take_suffix(s, *a, b, rs_fa_plural, RS_COUNT(rs_fa_plural));
    /* Ezafe and the indefinite are written ی or ای after a final vowel. */
    size_t vowel = flags ? 0 : rs_vowel_suffix_len(s, *a, *b);
    if (vowel) {
        *b -= vowel;
        flags |= RS_AFFIX_EZAFE;
    }
    /* می is a verbal prefix only on a word with a personal ending: میکند,
     * not میدان. */
    size_t end = *b;
    if (!flags && rs_take_suffix(s, *a, &end, rs_fa_verb_endings, RS_COUNT(rs_fa_verb_endings)) == 0 && end != *b)
        flags |= rs_take_prefix(s, a, *b, rs_fa_verb_prefix, RS_COUNT(rs_fa_verb_prefix));
    return flags;
}

static int rs_english_plural(const char *s, size_t a, size_t b)
{
    return b - a >= 4 && s[b - 1] == 's' && s[b - 2] != 's' && s[b - 2] != 'u' && s[b - 2] != 'i' && s[b - 2] != '\'';
}

/* English stems may need a rewrite (policies → policy): *y is set when
 * the stem is [*a, *b) plus a final y. */
static uint16_t rs_stem_english(const char *s, size_t *a, size_t *b, int *y)
{
    uint16_t flags = 0;
    if (*b - *a > 2 && s[*b - 1] == 's' && (s[*b - 2] == '\'' || rs_ends_with(s, *a, *b, "\xE2\x80\x99s"))) {
        *b -= s[*b - 2] == '\'' ? 2 : 4;
        return RS_AFFIX_POSSESSIVE;
    }
    if (!rs_english_plural(s, *a, *b))
        return 0;
    flags = RS_AFFIX_PLURAL;
    if (rs_ends_with(s, *a, *b, "ies") && *b - *a >= 5) {
        *b -= 3;
        *y = 1;
    } else if (rs_ends_with(s, *a, *b, "ches") || rs_ends_with(s, *a, *b, "shes") ||
               rs_ends_with(s, *a, *b, "xes") || rs_ends_with(s, *a, *b, "sses")) {
        *b -= 2;
    } else {
        *b -= 1;
    }
    return flags;
}

/* Whether the first character is in U+0600..U+06FF: lead byte D8 to DB
 * and a continuation byte, read without the general decoder. */
static int rs_arabic_script(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    return len >= 2 && u[0] >= 0xD8 && u[0] <= 0xDB && (u[1] & 0xC0) == 0x80;
}

/* Which rules find a word's stem. */
enum { RS_STEM_ENGLISH, RS_STEM_ARABIC, RS_STEM_PERSIAN };

/* What a word's stem leaves off: the stem is the word without front bytes
 * at its start and back bytes at its end, plus a y when y is set. */
typedef struct rs_stem_cut {
    uint32_t front, back;
    uint16_t affixes;
    uint8_t y;
} rs_stem_cut;

static rs_stem_cut rs_cut_stem(const char *s, size_t n, int rules)
{
    size_t a = 0, b = n;
    int y = 0;
    uint16_t affixes;
    if (rules == RS_STEM_ENGLISH)
        affixes = rs_stem_english(s, &a, &b, &y);
    else if (rules == RS_STEM_ARABIC)
        affixes = rs_stem_arabic(s, &a, &b);
    else
        affixes = rs_stem_persian(s, &a, &b);
    return (rs_stem_cut){(uint32_t)a, (uint32_t)(n - b), affixes, (uint8_t)y};
}

/* The cuts of words met lately, with their stems' hashes, by the hash of
 * the word: news repeats its words, and a cut tries some twenty affixes.
 * One slot per hash value, taken over by the newest word; words longer
 * than RS_MEMO_WORD bytes are cut afresh each time. */
#define RS_MEMO_SLOTS 4096
#define RS_MEMO_WORD 22

struct rs_stem_memo {
    uint64_t stem_hash;
    uint16_t affixes;
    uint8_t len; /* of word; 0 in an empty slot */
    uint8_t rules, front, back, y;
    char word[RS_MEMO_WORD];
};

/* The memo slot for the word s of n bytes, or NULL for a long word. */
static struct rs_stem_memo *rs_memo_slot(rs_tokens *list, size_t n, uint64_t word_hash)
{
    if (n > RS_MEMO_WORD)
        return NULL;
    if (!list->stem_memo && !(list->stem_memo = calloc(RS_MEMO_SLOTS, sizeof *list->stem_memo)))
        abort();
    return &list->stem_memo[word_hash & (RS_MEMO_SLOTS - 1)];
}

/* The stem of t, whose norm_hash is set. */
static void rs_find_stem(rs_tokens *list, rs_token *t, rs_lang lang)
{
    /* A stem is never longer than its word: with room for one more copy
     * reserved, s stays put while the stem is added. */
    rs_buf_reserve(&list->pool, t->norm_len + 1);
    const char *s = list->pool.data + t->norm_off;
    size_t n = t->norm_len;
    t->stem_off = t->norm_off;
    t->stem_len = t->norm_len;
    t->stem_hash = t->norm_hash;
    if (t->kind != RS_TOKEN_WORD)
        return;
    int rules = !rs_arabic_script(s, n) ? RS_STEM_ENGLISH : lang == RS_LANG_AR ? RS_STEM_ARABIC : RS_STEM_PERSIAN;
    struct rs_stem_memo *m = rs_memo_slot(list, n, t->norm_hash);
    int known = m && m->len == n && m->rules == rules && rs_same_bytes(m->word, s, n);
    rs_stem_cut cut = known ? (rs_stem_cut){m->front, m->back, m->affixes, m->y} : rs_cut_stem(s, n, rules);
    t->affixes = cut.affixes;
    if (cut.front || cut.back || cut.y) {
        t->stem_off = (uint32_t)list->pool.len;
        t->stem_len = (uint32_t)(n - cut.front - cut.back + cut.y);
        rs_buf_append(&list->pool, s + cut.front, n - cut.front - cut.back);
        if (cut.y)
            rs_buf_putc(&list->pool, 'y');
        rs_buf_putc(&list->pool, '\0');
        t->stem_hash = known ? m->stem_hash : rs_word_hash(list->pool.data + t->stem_off, t->stem_len);
    }
    if (m && !known) {
        *m = (struct rs_stem_memo){t->stem_hash, cut.affixes, (uint8_t)n, (uint8_t)rules,
                                   (uint8_t)cut.front, (uint8_t)cut.back, cut.y, {0}};
        memcpy(m->word, s, n);
    }
}

/* ------------------------------------------------------------ driver */

void rs_tokens_init(rs_tokens *list)
{
    memset(list, 0, sizeof *list);
    rs_buf_init(&list->pool);
}

void rs_tokens_free(rs_tokens *list)
{
    free(list->items);
    free(list->stem_memo);
    rs_buf_free(&list->pool);
    memset(list, 0, sizeof *list);
}

void rs_tokenize(const char *text, size_t start, size_t end, rs_lang lang, rs_tokens *list)
{
    pthread_once(&rs_class_once, rs_build_class_table);
    rs_cursor cur = {text, end};
    list->n = 0;
    rs_buf_clear(&list->pool);
    size_t i = start;
    while (i < end) {
        size_t next;
        uint32_t c = rs_peek(&cur, i, &next);
        rs_char_class k = rs_classify(c);
        if (k == RS_CH_SPACE || k == RS_CH_JOINER || k == RS_CH_MARK) {
            i = next;
        } else if (k == RS_CH_LETTER) {
            size_t norm_off = list->pool.len;
            size_t e = rs_scan_folding(&cur, i, &list->pool);
            if (e) {
                rs_push_token(list, i, e, RS_TOKEN_WORD, norm_off);
            } else {
                e = rs_scan_word(&cur, i);
                rs_add_token(list, text, i, e, RS_TOKEN_WORD);
            }
            i = e;
        } else if (k == RS_CH_DIGIT) {
            size_t e = rs_scan_number(&cur, i);
            rs_add_token(list, text, i, e, RS_TOKEN_NUMBER);
            i = e;
        } else {
            rs_add_token(list, text, i, next, RS_TOKEN_PUNCT);
            i = next;
        }
    }
    int may_join = 0;
    for (size_t n = 0; n < list->n && !may_join; n++)
        may_join = list->items[n].kind == RS_TOKEN_WORD &&
                   rs_affix_may_join(list->pool.data + list->items[n].norm_off, list->items[n].norm_len);
    if (may_join)
        rs_join_tokens(list, text);
    /* The words' memo slots are fetched for all the sentence first: they
     * lie at random in a table larger than the first-level cache. */
    for (size_t n = 0; n < list->n; n++) {
        rs_token *t = &list->items[n];
        t->norm_hash = rs_word_hash(list->pool.data + t->norm_off, t->norm_len);
        struct rs_stem_memo *m = t->kind == RS_TOKEN_WORD ? rs_memo_slot(list, t->norm_len, t->norm_hash) : NULL;
        if (m)
            __builtin_prefetch(m);
    }
    for (size_t n = 0; n < list->n; n++)
        rs_find_stem(list, &list->items[n], lang);
}

const char *rs_token_norm(const rs_tokens *list, const rs_token *t)
{
    return list->pool.data + t->norm_off;
}

const char *rs_token_stem(const rs_tokens *list, const rs_token *t)
{
    return list->pool.data + t->stem_off;
}
