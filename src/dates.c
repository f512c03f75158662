/*
 * dates.c - finding the date expressions of Persian, Arabic and English news
 * and resolving them to Gregorian days (docs/dates.md).
 *
 * Three passes over [start, end) of the raw text:
 *   1. a scanner cuts it into words, numbers and punctuation, folding digits
 *      and letter variants as it goes but keeping byte offsets into the
 *      original (so "25نوقمبر2024" is three tokens);
 *   2. the word lists of dict/dates.txt are matched over the words, longest
 *      phrase first ("تشرين الثاني" is one token, a November);
 *   3. a small grammar reads date expressions off the tokens and resolves
 *      each against the publication date with the calendars of calendar.c.
 * The word lists are data so that an analyst can add a spelling without C.
 */
#include "internal.h"
#include "rasad.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char rs_data_dates[];
extern const size_t rs_data_dates_size;

/* ---------------------------------------------------------------- word lists */

enum {
    K_NONE, K_MONTH_SH, K_MONTH_GREG, K_MONTH_HIJRI, K_WEEKDAY, K_DAY, K_YEAR_REL,
    K_UNIT, K_DUAL, K_REL, K_AGO, K_SEASON, K_ERA, K_NUMBER, K_FROM, K_TO, K_AND,
    K_PREP, K_OF, K_ORDINAL, K_DAYPART, K_FUTURE, K_PRESENT, K_CITY, K_SAME, K_N
};

static const char *const rs_kind_names[K_N] = {
    "", "month-sh", "month-greg", "month-hijri", "weekday", "day", "year-rel",
    "unit", "dual", "rel", "ago", "season", "era", "number", "from", "to", "and",
    "prep", "of", "ordinal", "daypart", "future", "present", "city", "same",
};

enum { F_STRICT = 1, F_CITY = 2, F_FA = 4, F_AR = 8, F_EN = 16 };
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };
enum { ERA_GREG = 1, ERA_SH, ERA_HIJRI };
enum { RS_FUTURE = 1, RS_PRESENT };

/* Longest phrase, in tokens, that the word lists may hold. */
#define RS_MAX_PHRASE 5

/* Bits of the word-shape filter. */
#define RS_SHAPE_BITS 65536

typedef struct rs_lex_row {
    uint32_t key, len; /* folded phrase in rs_lex.keys */
    int8_t value;
    uint8_t kind, flags;
} rs_lex_row;

static struct {
    rs_lex_row *rows;
    size_t n, cap;
    rs_buf keys;
    /* An open-addressing index from each distinct key to its first row:
     * every word of every sentence is looked up, so a hash beats a binary
     * search over the sorted rows. Slots hold row + 1; 0 is empty. */
    uint32_t *index;
    size_t index_mask;
    /* The first words of the phrases of two or more words, hashed the same
     * way (slots hold row + 1): most words start none, and need no longer
     * keys tried. */
    uint32_t *starts;
    /* Hash bits of each slot's key in index and in starts: most words are
     * in neither, and a probe that compares these reads no row or key. */
    uint32_t *index_tags, *starts_tags;
    /* One bit per word shape (rs_word_shape) that a word in the lists may
     * have, with the clitics and the glued ماه of rs_lookup_affixed: most
     * words of a sentence have none of these shapes and are not hashed
     * or looked up at all. */
    uint64_t shapes[RS_SHAPE_BITS / 64];
} rs_lex;

static uint32_t rs_lex_tag(uint64_t h)
{
    return (uint32_t)(h >> 32);
}
static pthread_once_t rs_lex_once = PTHREAD_ONCE_INIT;

/* ---------------------------------------------------------------- folding */

enum { C_LETTER, C_DIGIT, C_SPACE, C_SPLIT, C_IGNORE, C_PUNCT };

/* The folded form of a letter or digit (the matching form of
 * docs/normalization.md, one code point at a time). */
static uint32_t rs_fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    switch (c) {
    case 0x064A: case 0x0649: case 0x0626: case 0x06D0: return 0x06CC;
    case 0x0643: case 0x06AA: return 0x06A9;
    case 0x0629: case 0x06C0: case 0x06D5: case 0x06C1: return 0x0647;
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 0x0627;
    case 0x0624: return 0x0648;
    case 0x060C: return ',';
    case 0x061B: return ';';
    case 0x061F: return '?';
    case 0x066B: return '.';
    case 0x2013: case 0x2014: case 0x2212: return '-';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    default: return c;
    }
}

static int rs_class(uint32_t c)
{
    if (c == 0x200C)
        return C_SPLIT;
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || c == 0x0654 ||
        (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x200B && c <= 0x200F) || c == 0x061C ||
        c == 0x00AD || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF)
        return C_IGNORE;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if ((c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
        (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF) ||
        (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC))
        return C_LETTER;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
        (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000)
        return C_SPACE;
    return C_PUNCT;
}

/* rs_fold and rs_class of the one- and two-byte code points, worked out
 * once (with the word lists): the scanner asks for every character. */
#define RS_FOLD_TABLE 0x800
static struct {
    uint16_t fold[RS_FOLD_TABLE];
    uint8_t cls[RS_FOLD_TABLE];
    uint8_t plain[RS_FOLD_TABLE]; /* a two-byte letter that folds to itself */
} rs_fold_table;

static void rs_build_fold_table(void)
{
    for (uint32_t c = 0; c < RS_FOLD_TABLE; c++) {
        uint32_t f = rs_fold(c);
        rs_fold_table.fold[c] = (uint16_t)f;
        rs_fold_table.cls[c] = (uint8_t)rs_class(f);
        rs_fold_table.plain[c] = c >= 0x80 && f == c && rs_class(f) == C_LETTER;
    }
}

/* The folded form of c, and its class in *cls. */
static uint32_t rs_fold_class(uint32_t c, int *cls)
{
    if (c < RS_FOLD_TABLE) {
        *cls = rs_fold_table.cls[c];
        return rs_fold_table.fold[c];
    }
    c = rs_fold(c);
    *cls = rs_class(c);
    return c;
}

static int rs_is_latin(const char *w, size_t n)
{
    return n > 0 && (unsigned char)w[0] < 0x80;
}

/* Appends the folded phrase: words joined by one space, '.' with none. With
 * joined set, Arabic-script words run together as ZWNJ-less text writes them. */
static void rs_fold_phrase(const char *s, size_t len, int joined, rs_buf *out)
{
    size_t i = 0;
    int gap = 0;
    while (i < len) {
        uint32_t c = rs_fold(rs_utf8_next(s, len, &i));
        int cls = rs_class(c);
        if (cls == C_IGNORE)
            continue;
        if (cls == C_SPACE || cls == C_SPLIT) {
            gap = out->len > 0;
            continue;
        }
        if (gap && c != '.' && (out->len == 0 || out->data[out->len - 1] != '.') && !joined)
            rs_buf_putc(out, ' ');
        gap = 0;
        rs_buf_put_utf8(out, c);
    }
}

/* ---------------------------------------------------------------- loading */

static void rs_lex_add(const char *key, size_t len, int kind, int value, int flags)
{
    if (rs_lex.n == rs_lex.cap) {
        rs_lex.cap = rs_lex.cap ? rs_lex.cap * 2 : 512;
        rs_lex.rows = realloc(rs_lex.rows, rs_lex.cap * sizeof *rs_lex.rows);
        if (!rs_lex.rows)
            abort();
    }
    rs_lex_row *r = &rs_lex.rows[rs_lex.n++];
    r->key = (uint32_t)rs_lex.keys.len;
    r->len = (uint32_t)len;
    r->kind = (uint8_t)kind;
    r->value = (int8_t)value;
    r->flags = (uint8_t)flags;
    rs_buf_append(&rs_lex.keys, key, len);
}

static int rs_parse_flags(const char *s, size_t n)
{
    static const char letters[] = "scfae";
    static const int bits[] = {F_STRICT, F_CITY, F_FA, F_AR, F_EN};
    int flags = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = strchr(letters, s[i]);
        if (p && *p)
            flags |= bits[p - letters];
    }
    return flags;
}

/* Splits off the next space-separated field of [*i, len). */
static size_t rs_field(const char *s, size_t len, size_t *i, size_t *flen)
{
    while (*i < len && (s[*i] == ' ' || s[*i] == '\t'))
        (*i)++;
    size_t at = *i;
    while (*i < len && s[*i] != ' ' && s[*i] != '\t')
        (*i)++;
    *flen = *i - at;
    return at;
}

static void rs_lex_line(void *ctx, const char *s, size_t len, size_t number)
{
    (void)ctx;
    (void)number;
    size_t i = 0, kl, vl, fl;
    size_t k = rs_field(s, len, &i, &kl), v = rs_field(s, len, &i, &vl), f = rs_field(s, len, &i, &fl);
    int kind = K_NONE;
    for (int j = 1; j < K_N; j++)
        if (strlen(rs_kind_names[j]) == kl && memcmp(rs_kind_names[j], s + k, kl) == 0)
            kind = j;
    if (kind == K_NONE || vl == 0 || fl == 0 || i >= len)
        return;
    int value = atoi(s + v); /* the field ends at a space, which stops atoi */
    int flags = rs_parse_flags(s + f, fl);
    rs_buf key;
    rs_buf_init(&key);
    rs_fold_phrase(s + i, len - i, 0, &key);
    int spaced = key.len && memchr(key.data, ' ', key.len) != NULL;
    if (key.len)
        rs_lex_add(key.data, key.len, kind, value, flags);
    if (spaced && !rs_is_latin(key.data, key.len)) {
        rs_buf_clear(&key);
        rs_fold_phrase(s + i, len - i, 1, &key);
        rs_lex_add(key.data, key.len, kind, value, flags);
    }
    rs_buf_free(&key);
}

static int rs_key_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

static int rs_row_cmp(const void *x, const void *y)
{
    const rs_lex_row *a = x, *b = y;
    const char *k = rs_lex.keys.data;
    int c = rs_key_cmp(k + a->key, a->len, k + b->key, b->len);
    return c ? c : (a->kind > b->kind) - (a->kind < b->kind);
}

static void rs_lex_build_index(void)
{
    size_t size = 64;
    while (size < rs_lex.n * 2)
        size *= 2;
    rs_lex.index = calloc(size, sizeof *rs_lex.index);
    rs_lex.index_tags = calloc(size, sizeof *rs_lex.index_tags);
    if (!rs_lex.index || !rs_lex.index_tags)
        abort();
    rs_lex.index_mask = size - 1;
    const char *k = rs_lex.keys.data;
    for (size_t r = 0; r < rs_lex.n; r++) {
        if (r > 0 && rs_key_cmp(k + rs_lex.rows[r - 1].key, rs_lex.rows[r - 1].len, k + rs_lex.rows[r].key,
                                rs_lex.rows[r].len) == 0)
            continue;
        uint64_t h = rs_word_hash(k + rs_lex.rows[r].key, rs_lex.rows[r].len);
        size_t at = h & rs_lex.index_mask;
        while (rs_lex.index[at])
            at = (at + 1) & rs_lex.index_mask;
        rs_lex.index[at] = (uint32_t)r + 1;
        rs_lex.index_tags[at] = rs_lex_tag(h);
    }
}

/* The length of a key's first word: up to its first space or full stop. */
static size_t rs_first_word_len(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ' || s[i] == '.')
            return i;
    return len;
}

/* Whether a phrase of two or more words starts with the word s, whose
 * rs_word_hash is h. */
static int rs_starts_phrase(const char *s, size_t len, uint64_t h)
{
    const char *k = rs_lex.keys.data;
    for (size_t at = h & rs_lex.index_mask; rs_lex.starts[at]; at = (at + 1) & rs_lex.index_mask) {
        if (rs_lex.starts_tags[at] != rs_lex_tag(h))
            continue;
        const rs_lex_row *row = &rs_lex.rows[rs_lex.starts[at] - 1];
        if (rs_first_word_len(k + row->key, row->len) == len && rs_same_bytes(k + row->key, s, len))
            return 1;
    }
    return 0;
}

static void rs_lex_build_starts(void)
{
    rs_lex.starts = calloc(rs_lex.index_mask + 1, sizeof *rs_lex.starts);
    rs_lex.starts_tags = calloc(rs_lex.index_mask + 1, sizeof *rs_lex.starts_tags);
    if (!rs_lex.starts || !rs_lex.starts_tags)
        abort();
    const char *k = rs_lex.keys.data;
    for (size_t r = 0; r < rs_lex.n; r++) {
        size_t first = rs_first_word_len(k + rs_lex.rows[r].key, rs_lex.rows[r].len);
        uint64_t h = rs_word_hash(k + rs_lex.rows[r].key, first);
        if (first == rs_lex.rows[r].len || rs_starts_phrase(k + rs_lex.rows[r].key, first, h))
            continue;
        size_t at = h & rs_lex.index_mask;
        while (rs_lex.starts[at])
            at = (at + 1) & rs_lex.index_mask;
        rs_lex.starts[at] = (uint32_t)r + 1;
        rs_lex.starts_tags[at] = rs_lex_tag(h);
    }
}

/* A word's shape: its length and its first and last two bytes, mixed
 * into a bit of the shape filter. Cheaper than the word's hash, which
 * reads every byte. */
static size_t rs_word_shape(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t v = n < 2 ? (uint64_t)n << 40 | (n ? u[0] : 0)
                       : (uint64_t)n << 40 | (uint64_t)u[0] << 24 | (uint64_t)u[1] << 16 | (uint64_t)u[n - 2] << 8 |
                             u[n - 1];
    v *= 0x9E3779B97F4A7C15ULL;
    return (size_t)(v >> 48) & (RS_SHAPE_BITS - 1);
}

static void rs_shape_add(const char *s, size_t n)
{
    size_t bit = rs_word_shape(s, n);
    rs_lex.shapes[bit / 64] |= (uint64_t)1 << (bit % 64);
}

static int rs_shape_listed(const char *s, size_t n)
{
    size_t bit = rs_word_shape(s, n);
    return (rs_lex.shapes[bit / 64] >> (bit % 64)) & 1;
}

/* The shapes of the one-word key k as rs_lookup_affixed may find it:
 * alone, after a clitic or two, as لل for its ال, with ماه glued on. */
static void rs_shape_add_word(const char *k, size_t n, rs_buf *w)
{
    static const char *const clitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84"}; /* و ف ب ل */
    rs_shape_add(k, n);
    rs_buf_clear(w);
    rs_buf_append(w, k, n);
    rs_buf_append(w, "\xd9\x85\xd8\xa7\xd9\x87", 6); /* ماه */
    rs_shape_add(w->data, w->len);
    for (size_t a = 0; a < 4; a++) {
        rs_buf_clear(w);
        rs_buf_append(w, clitics[a], 2);
        rs_buf_append(w, k, n);
        rs_shape_add(w->data, w->len);
        for (size_t b = 2; b < 4 && a < 2; b++) {
            w->len = 2;
            rs_buf_append(w, clitics[b], 2);
            rs_buf_append(w, k, n);
            rs_shape_add(w->data, w->len);
        }
    }
    if (n > 4 && memcmp(k, "\xd8\xa7\xd9\x84", 4) == 0) { /* ال... written لل... */
        rs_buf_clear(w);
        rs_buf_append(w, clitics[3], 2);
        rs_buf_append(w, k + 2, n - 2);
        rs_shape_add(w->data, w->len);
    }
}

/* Every shape a word that the lists hold, or that starts one of their
 * phrases, may take. */
static void rs_lex_build_shapes(void)
{
    const char *k = rs_lex.keys.data;
    rs_buf w;
    rs_buf_init(&w);
    for (size_t r = 0; r < rs_lex.n; r++) {
        const char *key = k + rs_lex.rows[r].key;
        size_t len = rs_lex.rows[r].len, first = rs_first_word_len(key, len);
        if (first == len)
            rs_shape_add_word(key, len, &w);
        else
            rs_shape_add(key, first);
    }
    rs_buf_free(&w);
}

static void rs_lex_load(void)
{
    rs_build_fold_table();
    rs_buf_init(&rs_lex.keys);
    rs_data_each_line(rs_data_dates, rs_data_dates_size, rs_lex_line, NULL);
    qsort(rs_lex.rows, rs_lex.n, sizeof *rs_lex.rows, rs_row_cmp);
    rs_lex_build_index();
    rs_lex_build_starts();
    rs_lex_build_shapes();
}

/* The rows for a folded phrase whose rs_word_hash is h: *first and the
 * count. */
static size_t rs_lex_find(const char *key, size_t len, uint64_t h, uint32_t *first)
{
    const char *k = rs_lex.keys.data;
    size_t at = h & rs_lex.index_mask, lo = rs_lex.n;
    for (; rs_lex.index[at]; at = (at + 1) & rs_lex.index_mask) {
        if (rs_lex.index_tags[at] != rs_lex_tag(h))
            continue;
        const rs_lex_row *row = &rs_lex.rows[rs_lex.index[at] - 1];
        if (row->len == len && rs_same_bytes(k + row->key, key, len)) {
            lo = rs_lex.index[at] - 1;
            break;
        }
    }
    size_t n = 0;
    while (lo + n < rs_lex.n && rs_key_cmp(k + rs_lex.rows[lo + n].key, rs_lex.rows[lo + n].len, key, len) == 0)
        n++;
    *first = (uint32_t)lo;
    return n;
}

/* ---------------------------------------------------------------- tokens */

enum { T_WORD = 1, T_NUM, T_PUNCT, T_BREAK };

typedef struct rs_tok {
    size_t start, end;  /* bytes in the text */
    uint32_t wo, wl;    /* a word's folded form in the pool */
    uint32_t lex, nlex; /* its rows in rs_lex */
    uint32_t kinds;     /* bit k: a row of kind k the document's language allows */
    int32_t num;        /* a number's value (capped) */
    uint32_t ch;        /* a punctuation mark, folded */
    uint8_t type;
    uint8_t ndig;
    uint8_t month_glued; /* "دیماه": the word "month" written onto the name */
    uint8_t future;      /* its sentence's tense: RS_FUTURE, RS_PRESENT or 0 */
    uint8_t after_split; /* follows a ZWNJ directly */
    uint8_t latin;       /* a word in Latin letters */
} rs_tok;

typedef struct rs_work {
    rs_tok *t;
    size_t n, cap;
    rs_buf pool;
    rs_buf key;
} rs_work;

static rs_tok *rs_tok_new(rs_work *w, int type, size_t start)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        w->t = realloc(w->t, w->cap * sizeof *w->t);
        if (!w->t)
            abort();
    }
    rs_tok *t = &w->t[w->n++];
    memset(t, 0, sizeof *t);
    t->type = (uint8_t)type;
    t->start = start;
    t->end = start;
    t->wo = (uint32_t)w->pool.len;
    return t;
}

static int rs_is_space_byte(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* A lone ezafe "ی" after ZWNJ ("هفته‌ی گذشته") belongs to the word before. */
static void rs_close_word(rs_work *w, rs_tok *open)
{
    static const char ye[] = "\xdb\x8c";
    if (open && open->type == T_WORD && open->after_split && open->wl == 2 &&
        memcmp(w->pool.data + open->wo, ye, 2) == 0)
        w->n--;
}

/* Whether text[i] starts a two-byte letter that goes into the word as it
 * is: most letters of Arabic script do. */
static int rs_plain_letter(const char *text, size_t end, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    return u[0] >= 0xC2 && u[0] <= 0xDF && i + 1 < end && (u[1] & 0xC0) == 0x80 &&
           rs_fold_table.plain[(u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu)];
}

/* Pass 1: tokens of [start, end). */
static void rs_scan_tokens(rs_work *w, const char *text, size_t start, size_t end)
{
    w->n = 0;
    rs_buf_clear(&w->pool);
    rs_tok *open = NULL;
    int split = 0;
    size_t i = start;
    while (i < end) {
        if (open && open->type == T_WORD && rs_plain_letter(text, end, i)) {
            /* The whole run of such letters at once. */
            rs_buf_reserve(&w->pool, end - i);
            char *p = w->pool.data + w->pool.len;
            size_t from = i;
            do {
                memcpy(p, text + i, 2);
                p += 2;
                i += 2;
            } while (i < end && rs_plain_letter(text, end, i));
            w->pool.len = (size_t)(p - w->pool.data);
            open->wl += (uint32_t)(i - from);
            open->end = i;
            split = 0;
            continue;
        }
        size_t at = i;
        int cls;
        uint32_t c = rs_fold_class(rs_utf8_step(text, end, &i), &cls);
        if (cls == C_IGNORE) {
            if (open)
                open->end = i;
            continue;
        }
        if (cls == C_LETTER || cls == C_DIGIT) {
            int type = cls == C_LETTER ? T_WORD : T_NUM;
            if (!open || open->type != type) {
                rs_close_word(w, open);
                open = rs_tok_new(w, type, at);
                open->after_split = (uint8_t)split;
                open->latin = c < 0x80;
            }
            open->end = i;
            if (type == T_WORD) {
                if (w->pool.len + 4 >= w->pool.cap)
                    rs_buf_reserve(&w->pool, 4);
                w->pool.len += rs_utf8_encode(c, w->pool.data + w->pool.len);
                open->wl = (uint32_t)(w->pool.len - open->wo);
            } else {
                if (open->num < 100000000)
                    open->num = open->num * 10 + (int32_t)(c - '0');
                if (open->ndig < 255)
                    open->ndig++;
            }
            split = 0;
            continue;
        }
        rs_close_word(w, open);
        open = NULL;
        split = cls == C_SPLIT;
        if (split || (cls == C_SPACE && c != '\n'))
            continue;
        int brk = c == '\n' || c == '!' || c == '?' ||
                  (c == '.' && (i >= end || rs_is_space_byte(text[i])));
        if (cls == C_SPACE && !brk)
            continue;
        rs_tok *t = rs_tok_new(w, brk ? T_BREAK : T_PUNCT, at);
        t->end = i;
        t->ch = c;
    }
    rs_close_word(w, open);
}

static int rs_lang_allows(int flags, rs_lang lang)
{
    int only = flags & (F_FA | F_AR | F_EN);
    if (!only || lang == RS_LANG_UNKNOWN)
        return 1;
    if (lang == RS_LANG_FA || lang == RS_LANG_PS || lang == RS_LANG_UR)
        return (only & F_FA) != 0;
    return (only & (lang == RS_LANG_AR ? F_AR : F_EN)) != 0;
}

/* The key for tokens [i, i + k): words and dots only. */
static int rs_phrase_key(rs_work *w, size_t i, size_t k)
{
    rs_buf_clear(&w->key);
    for (size_t j = i; j < i + k; j++) {
        const rs_tok *t = &w->t[j];
        if (t->type == T_WORD) {
            if (j > i && w->t[j - 1].type == T_WORD)
                rs_buf_putc(&w->key, ' ');
            rs_buf_append(&w->key, w->pool.data + t->wo, t->wl);
        } else if ((t->type == T_PUNCT || t->type == T_BREAK) && t->ch == '.' && j > i) {
            rs_buf_putc(&w->key, '.');
        } else {
            return 0;
        }
    }
    return w->t[i + k - 1].type == T_WORD;
}

/* The key for tokens [i, i + k) in *key: a single word is its own key in
 * the pool, not copied, as nearly every word is tried alone only. */
static int rs_phrase_at(rs_work *w, size_t i, size_t k, const char **key, size_t *len)
{
    if (k == 1 && w->t[i].type == T_WORD) {
        *key = w->pool.data + w->t[i].wo;
        *len = w->t[i].wl;
        return 1;
    }
    if (!rs_phrase_key(w, i, k))
        return 0;
    *key = w->key.data;
    *len = w->key.len;
    return 1;
}

static size_t rs_try_key(const char *s, size_t n, uint32_t *first)
{
    return n ? rs_lex_find(s, n, rs_word_hash(s, n), first) : 0;
}

/* One word that is not in the lists as written: an Arabic clitic
 * (و ف ب ل, لل for لال) or the Persian "ماه" written onto a month name. */
static size_t rs_lookup_affixed(const char *s, size_t n, rs_tok *t)
{
    static const char *const clitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84"};
    static const char month[] = "\xd9\x85\xd8\xa7\xd9\x87"; /* ماه */
    size_t found;
    if (n > 6 && memcmp(s + n - 6, month, 6) == 0 && (found = rs_try_key(s, n - 6, &t->lex))) {
        t->month_glued = 1;
        return found;
    }
    for (size_t a = 0; a < 4; a++) {
        if (n <= 6 || memcmp(s, clitics[a], 2) != 0)
            continue;
        const char *r = s + 2;
        size_t rn = n - 2;
        if ((found = rs_try_key(r, rn, &t->lex)))
            return found;
        for (size_t b = 2; b < 4 && a < 2; b++)
            if (rn > 6 && memcmp(r, clitics[b], 2) == 0 && (found = rs_try_key(r + 2, rn - 2, &t->lex)))
                return found;
        if (a == 3 && memcmp(r, clitics[3], 2) == 0) {
            char al[64];
            if (rn + 2 <= sizeof al) {
                memcpy(al, "\xd8\xa7", 2); /* لل... is ل + ال... */
                memcpy(al + 2, r, rn);
                if ((found = rs_try_key(al, rn + 2, &t->lex)))
                    return found;
            }
        }
    }
    return 0;
}

/* Pass 2: merges each listed phrase into one token, longest first. */
static void rs_match_words(rs_work *w)
{
    size_t out = 0;
    for (size_t i = 0; i < w->n;) {
        rs_tok *t = &w->t[i]; /* merged in place, then moved down to out */
        size_t took = 1;
        if (t->type == T_WORD && rs_shape_listed(w->pool.data + t->wo, t->wl)) {
            size_t maxk = w->n - i < RS_MAX_PHRASE ? w->n - i : RS_MAX_PHRASE;
            /* The word alone is looked up by the same hash. */
            uint64_t word_hash = rs_word_hash(w->pool.data + t->wo, t->wl);
            if (!rs_starts_phrase(w->pool.data + t->wo, t->wl, word_hash))
                maxk = 1;
            for (size_t k = maxk; k >= 1; k--) {
                const char *key;
                size_t key_len;
                if (!rs_phrase_at(w, i, k, &key, &key_len))
                    continue;
                uint32_t first;
                size_t n = k == 1 ? rs_lex_find(key, key_len, word_hash, &first) : rs_try_key(key, key_len, &first);
                if (!n && k == 1)
                    n = rs_lookup_affixed(key, key_len, t), first = t->lex;
                if (n) {
                    t->lex = first;
                    t->nlex = (uint32_t)n;
                    t->end = w->t[i + k - 1].end;
                    took = k;
                    break;
                }
            }
        }
        if (out != i)
            w->t[out] = *t;
        out++;
        i += took;
    }
    w->n = out;
}

/* Marks the tokens of each sentence with its tense: RS_FUTURE when it has
 * a future word, else RS_PRESENT when a present one, else 0 (past). */
static void rs_mark_future(rs_work *w)
{
    size_t from = 0;
    for (size_t i = 0; i <= w->n; i++) {
        if (i < w->n && w->t[i].type != T_BREAK)
            continue;
        int fut = 0;
        for (size_t j = from; j < i && fut != RS_FUTURE; j++)
            for (uint32_t r = 0; r < w->t[j].nlex; r++) {
                int kind = rs_lex.rows[w->t[j].lex + r].kind;
                fut = kind == K_FUTURE ? RS_FUTURE : kind == K_PRESENT && !fut ? RS_PRESENT : fut;
            }
        for (size_t j = from; j < i; j++)
            w->t[j].future = (uint8_t)fut;
        from = i + 1;
    }
}

/* The kinds of each token's rows that lang allows: the grammar asks each
 * token for one kind after another, and most have none. */
static void rs_mark_kinds(rs_work *w, rs_lang lang)
{
    _Static_assert(K_N <= 32, "a kind's bit must fit in uint32_t");
    for (size_t i = 0; i < w->n; i++) {
        rs_tok *t = &w->t[i];
        t->kinds = 0;
        for (uint32_t r = 0; r < t->nlex; r++) {
            const rs_lex_row *row = &rs_lex.rows[t->lex + r];
            if (rs_lang_allows(row->flags, lang))
                t->kinds |= 1u << row->kind;
        }
    }
}

/* ---------------------------------------------------------------- grammar */

typedef struct rs_scan {
    const rs_tok *t;
    size_t n;
    rs_lang lang;
    int has_pub;
    int32_t pub;
} rs_scan;

/* A date as written, before it is placed in time. */
typedef struct rs_pd {
    int cal;             /* rs_calendar of its month name or year; -1 not known yet */
    int y, ydig, era;    /* year as written (0 none), its digits, an era marker */
    int m, d, wd;        /* month, day, ISO weekday; 0 when absent */
    int season;
    int yrel_set, yrel;  /* year counted from publication: امسال, سال گذشته */
    int mrel_set, mrel;  /* "آذار الماضي": the last (-1), this (0) or next (+1) one */
    int fixed;           /* a relative expression, already resolved to [a, b] */
    int32_t a, b;
} rs_pd;

typedef struct rs_cands {
    int32_t a[3], b[3];
    int n;
} rs_cands;

static const rs_lex_row *rs_has(const rs_scan *s, size_t i, int kind)
{
    if (i >= s->n)
        return NULL;
    const rs_tok *t = &s->t[i];
    if (!(t->kinds >> kind & 1))
        return NULL;
    for (uint32_t r = 0; r < t->nlex; r++) {
        const rs_lex_row *row = &rs_lex.rows[t->lex + r];
        if (row->kind == kind && rs_lang_allows(row->flags, s->lang))
            return row;
    }
    return NULL;
}

static int rs_unit(const rs_scan *s, size_t i)
{
    const rs_lex_row *r = rs_has(s, i, K_UNIT);
    return r ? r->value : 0;
}

static const rs_lex_row *rs_month_row(const rs_scan *s, size_t i)
{
    const rs_lex_row *r = rs_has(s, i, K_MONTH_SH);
    if (!r)
        r = rs_has(s, i, K_MONTH_GREG);
    if (!r)
        r = rs_has(s, i, K_MONTH_HIJRI);
    return r;
}

static int rs_month_cal(int kind)
{
    return kind == K_MONTH_SH ? RS_CAL_PERSIAN : kind == K_MONTH_HIJRI ? RS_CAL_ISLAMIC_UMALQURA : RS_CAL_GREGORIAN;
}

static int rs_era_cal(int era)
{
    return era == ERA_SH ? RS_CAL_PERSIAN : era == ERA_HIJRI ? RS_CAL_ISLAMIC_UMALQURA : RS_CAL_GREGORIAN;
}

/* A number of min_dig to max_dig digits at i, or -1. */
static int rs_num(const rs_scan *s, size_t i, int min_dig, int max_dig)
{
    if (i >= s->n || s->t[i].type != T_NUM || s->t[i].ndig < min_dig || s->t[i].ndig > max_dig)
        return -1;
    return s->t[i].num;
}

static int rs_punct(const rs_scan *s, size_t i, uint32_t ch)
{
    return i < s->n && (s->t[i].type == T_PUNCT || s->t[i].type == T_BREAK) && s->t[i].ch == ch;
}

static int rs_glued(const rs_scan *s, size_t i)
{
    return i + 1 < s->n && s->t[i].end == s->t[i + 1].start;
}

/* A day of the month: one or two digits, 1 to 31. */
static int rs_day_num(const rs_scan *s, size_t i)
{
    int d = rs_num(s, i, 1, 2);
    return d >= 1 && d <= 31 ? d : -1;
}

/* A count of units: a small number in digits or words. */
static int rs_count(const rs_scan *s, size_t i)
{
    const rs_lex_row *r = rs_has(s, i, K_NUMBER);
    if (r)
        return r->value;
    int n = rs_num(s, i, 1, 3);
    return n >= 1 && n <= 400 ? n : -1;
}

static int rs_is_latin_tok(const rs_scan *s, size_t i)
{
    return i < s->n && s->t[i].type == T_WORD && s->t[i].latin;
}

/* Whether token i makes a bare year or month name that follows a date:
 * "در", "in", "منذ", "from", "to". */
static int rs_is_cue(const rs_scan *s, size_t i)
{
    return rs_has(s, i, K_PREP) || rs_has(s, i, K_FROM) || rs_has(s, i, K_TO) || rs_has(s, i, K_AND);
}

/* دوشنبه is Monday and the city of Dushanbe: it is a day when a day word or
 * a date stands beside it, or when it opens a clause; after "به", "در",
 * "شهر" or as the second noun of an ezafe ("سیاست دوشنبه") it is the city. */
static int rs_weekday_ok(const rs_scan *s, size_t i)
{
    const rs_lex_row *w = rs_has(s, i, K_WEEKDAY);
    if (!w || !(w->flags & F_CITY))
        return w != NULL;
    size_t nx = i + 1;
    if (rs_num(s, nx, 1, 4) >= 0 || rs_has(s, nx, K_DAYPART) || rs_has(s, nx, K_REL) ||
        rs_punct(s, nx, '('))
        return 1;
    if (i == 0)
        return 1;
    size_t pv = i - 1;
    if (rs_has(s, pv, K_CITY)) /* before the day words: "شهر" is also a month */
        return 0;
    if (rs_unit(s, pv) || rs_has(s, pv, K_DAYPART) || rs_has(s, pv, K_REL) || rs_has(s, pv, K_DAY))
        return 1;
    return s->t[pv].type == T_PUNCT || s->t[pv].type == T_BREAK;
}

static size_t rs_p_era(const rs_scan *s, size_t j, rs_pd *pd)
{
    const rs_lex_row *r = rs_has(s, j, K_ERA);
    if (!r)
        return j;
    pd->era = r->value;
    return j + 1;
}

/* What may follow a month or season: a year (four digits, or two when
 * two_digit), an era, "امسال", "سال گذشته", "last year", "الماضي". */
static size_t rs_p_year(const rs_scan *s, size_t j, rs_pd *pd, int two_digit)
{
    const rs_lex_row *r;
    if ((r = rs_has(s, j, K_YEAR_REL))) {
        pd->yrel_set = 1, pd->yrel = r->value;
        return rs_p_era(s, j + 1, pd);
    }
    size_t k = j + (rs_punct(s, j, ',') && rs_num(s, j + 1, 4, 4) >= 0);
    int unit = rs_unit(s, k) == U_YEAR;
    k += (size_t)unit;
    int y = rs_num(s, k, 4, 4);
    if (y < 0 && (two_digit || unit) && rs_num(s, k, 2, 2) > 31)
        y = rs_num(s, k, 2, 2);
    if (y > 0) {
        pd->y = y, pd->ydig = s->t[k].ndig;
        return rs_p_era(s, k + 1, pd);
    }
    if (unit && (r = rs_has(s, k, K_REL))) {
        pd->yrel_set = 1, pd->yrel = r->value;
        return rs_p_era(s, k + 1, pd);
    }
    if (!unit && (r = rs_has(s, j, K_REL))) {
        if (rs_unit(s, j + 1) == U_YEAR) {
            pd->yrel_set = 1, pd->yrel = r->value;
            return j + 2;
        }
        if (!rs_unit(s, j + 1)) {
            pd->mrel_set = 1, pd->mrel = r->value;
            return j + 1;
        }
    }
    return j;
}

/* MONTH ['.'] [('/' | '(') SAME-MONTH [')']] ["ماه"]. *support is set when
 * the name is a month for sure (paired, or "ماه" beside it). */
static size_t rs_p_month(const rs_scan *s, size_t i, rs_pd *pd, int *strict, int *support)
{
    const rs_lex_row *r = rs_month_row(s, i);
    if (!r)
        return i;
    pd->m = r->value;
    pd->cal = rs_month_cal(r->kind);
    *strict = r->flags & F_STRICT;
    *support = s->t[i].month_glued || (i > 0 && rs_unit(s, i - 1) == U_MONTH);
    size_t j = i + 1;
    if (rs_is_latin_tok(s, i) && rs_punct(s, j, '.') && rs_glued(s, i))
        j++;
    if (rs_punct(s, j, '/') || rs_punct(s, j, '(')) {
        const rs_lex_row *r2 = rs_month_row(s, j + 1);
        if (r2 && r2->value == r->value && r2->kind == r->kind) {
            int paren = rs_punct(s, j, '(');
            j += 2;
            if (paren && rs_punct(s, j, ')'))
                j++;
            *support = 1;
        }
    }
    if (rs_unit(s, j) == U_MONTH && !rs_has(s, j, K_REL)) {
        j++;
        *support = 1;
    }
    return j;
}

/* D [st] [of] MONTH [YEAR]: the day-first order of all three languages. */
static size_t rs_p_day_month(const rs_scan *s, size_t i, rs_pd *pd)
{
    int d = rs_day_num(s, i);
    if (d < 0)
        return i;
    size_t j = i + 1;
    if (rs_has(s, j, K_ORDINAL) && rs_glued(s, i))
        j++;
    if (rs_has(s, j, K_OF))
        j++;
    int strict, support;
    size_t e = rs_p_month(s, j, pd, &strict, &support);
    if (e == j)
        return i;
    pd->d = d;
    return rs_p_year(s, e, pd, 1);
}

/* MONTH [D] [,] [YEAR]: month first, as English writes it (a day after the
 * name only for Latin names: "اسد ۲۰" is more often Asad than a date). */
static size_t rs_p_month_first(const rs_scan *s, size_t i, rs_pd *pd, int cued)
{
    int strict, support;
    size_t j = rs_p_month(s, i, pd, &strict, &support);
    if (j == i)
        return i;
    int d = rs_is_latin_tok(s, i) ? rs_day_num(s, j) : -1;
    if (d > 0 && !(rs_punct(s, j + 1, ':'))) {
        pd->d = d;
        j++;
        if (rs_has(s, j, K_ORDINAL) && rs_glued(s, j - 1))
            j++;
    }
    size_t e = rs_p_year(s, j, pd, 0);
    int backed = pd->d || pd->y || pd->yrel_set || pd->mrel_set || support;
    if (!backed && (strict || !cued))
        return i;
    return e;
}

/* SEASON followed by a year or a "last / this / next": a season alone is
 * no date ("the winter was cold"). */
static size_t rs_p_season(const rs_scan *s, size_t i, rs_pd *pd)
{
    const rs_lex_row *r = rs_has(s, i, K_SEASON);
    if (!r)
        return i;
    size_t j = i + 1 + (rs_has(s, i + 1, K_OF) != NULL);
    size_t e = rs_p_year(s, j, pd, 0);
    if (e == j)
        return i;
    pd->season = r->value;
    int sh = s->lang == RS_LANG_FA || (pd->y >= 1200 && pd->y < 1600) || pd->era == ERA_SH;
    pd->cal = sh ? RS_CAL_PERSIAN : RS_CAL_GREGORIAN;
    return e;
}

/* [سال] YYYY [era]: a year with nothing else needs a cue before it or an era
 * after it, as most four-digit numbers in news are not years. */
static size_t rs_p_bare_year(const rs_scan *s, size_t i, rs_pd *pd, int cued)
{
    int unit = rs_unit(s, i) == U_YEAR;
    size_t k = i + (size_t)unit;
    int y = rs_num(s, k, 4, 4);
    if (y < 0)
        return i;
    pd->y = y, pd->ydig = 4;
    size_t e = rs_p_era(s, k + 1, pd);
    if (!unit && !cued && !pd->era)
        return i;
    if (rs_punct(s, e, '/') || (rs_punct(s, e, '-') && rs_num(s, e + 1, 1, 4) >= 0 && rs_glued(s, e)))
        return i;
    return e;
}

/* N/N/N, N-N-N, N.N.N with a year of four digits at either end (or two at
 * the end): 2024-11-26, 22/5/2018, ۱۴۰۲/۰۳/۳۰. */
static size_t rs_p_numeric(const rs_scan *s, size_t i, rs_pd *pd)
{
    if (i + 4 >= s->n)
        return i;
    const rs_tok *t = s->t + i;
    uint32_t sep = t[1].ch;
    if (t[0].type != T_NUM || t[2].type != T_NUM || t[4].type != T_NUM || t[1].type != T_PUNCT ||
        (sep != '/' && sep != '-' && sep != '.') || !rs_punct(s, i + 3, sep))
        return i;
    for (size_t k = i; k < i + 4; k++)
        if (!rs_glued(s, k))
            return i;
    if ((i > 0 && s->t[i - 1].type == T_PUNCT && s->t[i - 1].ch == sep && rs_glued(s, i - 1)) ||
        (rs_punct(s, i + 5, sep) && rs_glued(s, i + 4)) || (i + 5 < s->n && rs_glued(s, i + 4) && s->t[i + 5].type == T_NUM))
        return i;
    int a = t[0].num, b = t[2].num, c = t[4].num;
    if (t[0].ndig == 4 && t[2].ndig <= 2 && t[4].ndig <= 2) {
        pd->y = a, pd->m = b, pd->d = c, pd->ydig = 4;
    } else if (t[0].ndig <= 2 && t[2].ndig <= 2 && (t[4].ndig == 4 || (t[4].ndig == 2 && sep != '-'))) {
        int month_first = (a <= 12 && b > 12) || (s->lang == RS_LANG_EN && a <= 12 && b <= 12);
        pd->m = month_first ? a : b, pd->d = month_first ? b : a;
        pd->y = c, pd->ydig = t[4].ndig;
    } else {
        return i;
    }
    if (pd->m < 1 || pd->m > 12 || pd->d < 1 || pd->d > 31)
        return i;
    return rs_p_era(s, i + 5, pd);
}

static size_t rs_p_core(const rs_scan *s, size_t i, rs_pd *pd, int cued)
{
    size_t (*const forms[])(const rs_scan *, size_t, rs_pd *) = {rs_p_numeric, rs_p_day_month, rs_p_season};
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        memset(pd, 0, sizeof *pd);
        pd->cal = -1;
        size_t e = forms[f](s, i, pd);
        if (e > i)
            return e;
    }
    memset(pd, 0, sizeof *pd);
    pd->cal = -1;
    size_t e = rs_p_month_first(s, i, pd, cued);
    if (e > i)
        return e;
    memset(pd, 0, sizeof *pd);
    pd->cal = -1;
    return rs_p_bare_year(s, i, pd, cued);
}

/* ---------------------------------------------------------------- relative dates */

/* The calendar a document counts its months and years in when it says
 * "last month": Solar Hijri in Persian and Pashto, else Gregorian. */
static int rs_doc_cal(const rs_scan *s)
{
    return s->lang == RS_LANG_FA || s->lang == RS_LANG_PS ? RS_CAL_PERSIAN : RS_CAL_GREGORIAN;
}

/* Carries a month number outside 1-12 into the year. */
static void rs_norm_month(int *y, int *m)
{
    *y += *m - 1 >= 0 ? (*m - 1) / 12 : -((12 - *m) / 12);
    *m = ((*m - 1) % 12 + 12) % 12 + 1;
}

static int rs_whole_month(int cal, int y, int m, int32_t *a, int32_t *b)
{
    rs_norm_month(&y, &m);
    int len = rs_cal_month_length(cal, y, m);
    if (!len || rs_cal_to_days(cal, y, m, 1, a) || rs_cal_to_days(cal, y, m, len, b))
        return -1;
    return 0;
}

static int rs_whole_year(int cal, int y, int32_t *a, int32_t *b)
{
    int32_t unused;
    if (rs_whole_month(cal, y, 1, a, &unused))
        return -1;
    return rs_whole_month(cal, y, 12, &unused, b);
}

/* The day, week, month or year off units away from the one holding the
 * publication date. Weeks start on Saturday, except in English. */
static int rs_unit_span(const rs_scan *s, int unit, int off, int cal, int32_t *a, int32_t *b)
{
    int y, m, d;
    if (unit == U_DAY) {
        *a = *b = s->pub + off;
        return 0;
    }
    if (unit == U_WEEK) {
        int first = s->lang == RS_LANG_EN ? 1 : 6;
        *a = s->pub - (rs_days_weekday(s->pub) - first + 7) % 7 + 7 * off;
        *b = *a + 6;
        return 0;
    }
    if (rs_cal_from_days(cal, s->pub, &y, &m, &d))
        return -1;
    return unit == U_MONTH ? rs_whole_month(cal, y, m + off, a, b) : rs_whole_year(cal, y + off, a, b);
}

/* n units back (n < 0) or on from publication: a day for days and weeks, the
 * Gregorian month or year for months and years; with span, everything from
 * there up to publication ("the past three days"). */
static int rs_shift(const rs_scan *s, int unit, int n, int span, rs_pd *pd)
{
    int32_t a, b;
    int y, m, d;
    if (unit == U_DAY || unit == U_WEEK) {
        a = b = s->pub + n * (unit == U_WEEK ? 7 : 1);
    } else if (!span) {
        if (rs_unit_span(s, unit, n, RS_CAL_GREGORIAN, &a, &b))
            return -1;
    } else {
        if (rs_cal_from_days(RS_CAL_GREGORIAN, s->pub, &y, &m, &d))
            return -1;
        m += unit == U_MONTH ? n : 12 * n;
        rs_norm_month(&y, &m);
        int len = rs_cal_month_length(RS_CAL_GREGORIAN, y, m);
        if (!len || rs_cal_to_days(RS_CAL_GREGORIAN, y, m, d < len ? d : len, &a))
            return -1;
    }
    pd->fixed = 1;
    pd->a = a < s->pub || !span ? a : s->pub;
    pd->b = span ? s->pub : b;
    return 0;
}

/* N UNIT AGO ("سه روز پیش", "two weeks ago"); AGO N UNIT and AGO DUAL
 * ("قبل ثلاثة أيام", "منذ يومين"); N UNIT LAST ("سه روز گذشته": a span). */
static size_t rs_p_ago(const rs_scan *s, size_t i, rs_pd *pd)
{
    const rs_lex_row *r, *dual;
    int n, unit = 0, dir = -1, span = 0;
    size_t e;
    if ((n = rs_count(s, i)) > 0 && (unit = rs_unit(s, i + 1))) {
        if (rs_has(s, i + 3, K_FROM)) /* "یک ماه پیش از": before an event, not publication */
            return i;
        if ((r = rs_has(s, i + 2, K_AGO)))
            dir = r->value;
        else if ((r = rs_has(s, i + 2, K_REL)) && r->value < 0)
            span = 1;
        else
            return i;
        e = i + 3;
    } else if ((r = rs_has(s, i, K_AGO)) && r->value < 0) {
        if ((dual = rs_has(s, i + 1, K_DUAL)))
            n = 2, unit = dual->value, e = i + 2;
        else if ((n = rs_count(s, i + 1)) > 0 && (unit = rs_unit(s, i + 2)))
            e = i + 3;
        else
            return i;
    } else {
        return i;
    }
    return rs_shift(s, unit, n * dir, span, pd) ? i : e;
}

/* Today and its neighbours, "هفته گذشته", "العام المقبل", "امسال". */
static size_t rs_p_relative(const rs_scan *s, size_t i, rs_pd *pd)
{
    memset(pd, 0, sizeof *pd);
    pd->cal = -1;
    if (!s->has_pub)
        return i;
    const rs_lex_row *r;
    size_t j = i + (rs_unit(s, i) == U_DAY && rs_has(s, i + 1, K_DAY));
    if ((r = rs_has(s, j, K_DAY))) {
        pd->fixed = 1;
        pd->a = pd->b = s->pub + r->value;
        return j + 1;
    }
    size_t e = rs_p_ago(s, i, pd);
    if (e > i)
        return e;
    int unit = rs_unit(s, i);
    if (unit && (r = rs_has(s, i + 1, K_REL)))
        j = i + 2;
    else if ((r = rs_has(s, i, K_REL)) && (unit = rs_unit(s, i + 1)) > U_DAY)
        j = i + 2;
    else if ((r = rs_has(s, i, K_YEAR_REL)))
        unit = U_YEAR, j = i + 1;
    else
        return i;
    e = rs_p_era(s, j, pd);
    int cal = pd->era ? rs_era_cal(pd->era) : rs_doc_cal(s);
    if (rs_unit_span(s, unit, r->value, cal, &pd->a, &pd->b))
        return i;
    pd->fixed = 1;
    return e;
}

/* A weekday on its own: the last such day up to publication, or the next
 * from it when the sentence is in the future; "گذشته" / "next" force it. */
static size_t rs_p_weekday(const rs_scan *s, size_t i, rs_pd *pd, int fut)
{
    memset(pd, 0, sizeof *pd);
    pd->cal = -1;
    if (!s->has_pub)
        return i;
    size_t j = i;
    const rs_lex_row *rel = rs_has(s, j, K_REL);
    if (rel)
        j++;
    if (rs_unit(s, j) == U_DAY && rs_has(s, j + 1, K_WEEKDAY))
        j++;
    const rs_lex_row *w = rs_has(s, j, K_WEEKDAY);
    if (!w || !rs_weekday_ok(s, j))
        return i;
    size_t k = j + 1;
    if (!rel && (rel = rs_has(s, k, K_REL)) != NULL) {
        if (rs_unit(s, k + 1)) /* "جمعه این هفته": the "this" is the week's */
            rel = NULL;
        else
            k++;
    }
    int dir = rel ? rel->value : 0;
    int today = rs_days_weekday(s->pub);
    int back = (today - w->value + 7) % 7, fwd = (w->value - today + 7) % 7;
    if (dir < 0)
        pd->a = s->pub - (back ? back : 7);
    else if (dir > 0)
        pd->a = s->pub + (fwd ? fwd : 7);
    else
        pd->a = fut == RS_FUTURE ? s->pub + fwd : s->pub - back;
    pd->b = pd->a;
    pd->fixed = 1;
    pd->wd = w->value;
    return k;
}

/* ---------------------------------------------------------------- resolution */

static int rs_pub_year(const rs_scan *s, int cal)
{
    int y, m, d;
    return rs_cal_from_days(cal, s->pub, &y, &m, &d) ? 0 : y;
}

/* A year's calendar when no month name says: its era marker, else the
 * calendar whose current year is nearest (1402 is Solar Hijri, 1445 Hijri). */
static int rs_year_cal(const rs_scan *s, const rs_pd *pd)
{
    if (pd->era)
        return rs_era_cal(pd->era);
    if (pd->ydig != 4 || pd->y < 1200 || pd->y >= 1600)
        return RS_CAL_GREGORIAN;
    if (!s->has_pub)
        return s->lang == RS_LANG_AR ? RS_CAL_ISLAMIC_UMALQURA : RS_CAL_PERSIAN;
    int sh = rs_pub_year(s, RS_CAL_PERSIAN), hi = rs_pub_year(s, RS_CAL_ISLAMIC_UMALQURA);
    return abs(pd->y - sh) <= abs(pd->y - hi) ? RS_CAL_PERSIAN : RS_CAL_ISLAMIC_UMALQURA;
}

static int rs_base_year(const rs_scan *s, int cal)
{
    static const int fallback[] = {2000, 1400, 1440, 1440};
    return s->has_pub ? rs_pub_year(s, cal) : fallback[cal];
}

/* A two-digit year in the century that puts it nearest publication. */
static int rs_expand_year(const rs_scan *s, int cal, int yy)
{
    int base = rs_base_year(s, cal);
    int y = base - base % 100 + yy;
    if (y > base + 50)
        y -= 100;
    else if (y < base - 50)
        y += 100;
    return y;
}

/* Whether a year with no month could be a date in news: not "1500 cases". */
static int rs_year_plausible(const rs_scan *s, const rs_pd *pd, int cal)
{
    if (pd->era || pd->m || pd->season)
        return 1;
    if (cal == RS_CAL_GREGORIAN)
        return pd->y >= 1800 && pd->y <= 2200;
    int base = rs_base_year(s, cal);
    return pd->y >= base - 150 && pd->y <= base + 20;
}

/* The days a written date covers in year y of calendar cal. A season is a
 * quarter of the Solar Hijri year; with a Gregorian year, winter is the one
 * that ends in that year. */
static int rs_pd_span(const rs_pd *pd, int cal, int y, int32_t *a, int32_t *b)
{
    int32_t unused;
    if (pd->season) {
        int q = pd->season;
        if (cal == RS_CAL_GREGORIAN)
            y -= q == 4 ? 622 : 621;
        return rs_whole_month(RS_CAL_PERSIAN, y, 3 * q - 2, a, &unused) ||
                       rs_whole_month(RS_CAL_PERSIAN, y, 3 * q, &unused, b)
                   ? -1
                   : 0;
    }
    if (pd->m && pd->d) {
        *b = 0;
        if (rs_cal_to_days(cal, y, pd->m, pd->d, a))
            return -1;
        *b = *a;
        return 0;
    }
    return pd->m ? rs_whole_month(cal, y, pd->m, a, b) : rs_whole_year(cal, y, a, b);
}

static void rs_cands_years(const rs_pd *pd, int first, int last, rs_cands *c)
{
    c->n = 0;
    for (int y = first; y <= last && c->n < 3; y++)
        if (y >= 1 && y <= 9999 && rs_pd_span(pd, pd->cal, y, &c->a[c->n], &c->b[c->n]) == 0)
            c->n++;
}

/* The places in time a written date may mean: one when it gives its year,
 * else the same date in the year before, of and after publication. */
static void rs_pd_cands(const rs_scan *s, rs_pd *pd, rs_cands *c)
{
    c->n = 0;
    if (pd->fixed) {
        c->a[0] = pd->a, c->b[0] = pd->b, c->n = 1;
        return;
    }
    if (pd->cal < 0)
        pd->cal = rs_year_cal(s, pd);
    if (pd->y) {
        int y = pd->ydig == 2 ? rs_expand_year(s, pd->cal, pd->y) : pd->y;
        if (rs_year_plausible(s, pd, pd->cal))
            rs_cands_years(pd, y, y, c);
        return;
    }
    if (!s->has_pub)
        return;
    int base = rs_pub_year(s, pd->cal);
    if (pd->yrel_set)
        rs_cands_years(pd, base + pd->yrel, base + pd->yrel, c);
    else
        rs_cands_years(pd, base - 1, base + 1, c);
}

static int rs_overlaps(int32_t a, int32_t b, const rs_cands *c, int k)
{
    return a <= c->b[k] && c->a[k] <= b;
}

/* Whether candidate k is one the text could mean: for "الماضي" one over by
 * publication, for "المقبل" one not begun, for "الجاري" one holding it;
 * else one begun by publication, or in a future sentence one not over. */
static int rs_fits(const rs_scan *s, const rs_pd *pd, const rs_cands *c, int k, int fut)
{
    if (pd->mrel_set)
        return pd->mrel < 0 ? c->b[k] < s->pub : pd->mrel > 0 ? c->a[k] > s->pub
                                                             : c->a[k] <= s->pub && s->pub <= c->b[k];
    return fut == RS_FUTURE ? c->b[k] >= s->pub : fut == RS_PRESENT ? 0 : c->a[k] <= s->pub;
}

/* Among the candidates in mask: the nearest that fits (latest of the past
 * ones, earliest of the future ones), else (and always in the present
 * tense) the nearest to publication. */
static int rs_pick(const rs_scan *s, const rs_pd *pd, const rs_cands *c, unsigned mask, int fut)
{
    int first = pd->mrel_set ? pd->mrel > 0 : fut == RS_FUTURE;
    int best = -1;
    for (int k = 0; k < c->n; k++) {
        if (!(mask >> k & 1) || !rs_fits(s, pd, c, k, fut))
            continue;
        best = k;
        if (first)
            break;
    }
    if (best >= 0)
        return best;
    int32_t gap = INT32_MAX;
    for (int k = 0; k < c->n; k++) {
        int32_t g = c->a[k] > s->pub ? c->a[k] - s->pub : s->pub > c->b[k] ? s->pub - c->b[k] : 0;
        if ((mask >> k & 1) && g < gap)
            gap = g, best = k;
    }
    return best;
}

/* Chooses among candidates, sets *conf. with: the candidates of an
 * equivalent written beside it ("۸ دی (۲۹ دسامبر)"); only those overlapping
 * one of them count. A weekday beside the date picks among the rest. */
static int rs_choose(const rs_scan *s, const rs_pd *pd, const rs_cands *c, const rs_cands *with,
                     int fut, float *conf)
{
    unsigned all = (1u << c->n) - 1, mask = 0, dated = 0;
    for (int k = 0; k < c->n; k++) {
        for (int q = 0; !with || q < with->n; q++)
            if (!with || rs_overlaps(c->a[k], c->b[k], with, q)) {
                mask |= 1u << k;
                break;
            }
        if (pd->wd && c->a[k] == c->b[k] && rs_days_weekday(c->a[k]) == pd->wd)
            dated |= 1u << k;
    }
    *conf = pd->y ? 1.0f : pd->fixed ? 0.9f : 0.8f;
    if (with && mask)
        *conf = 0.95f;
    else if (with)
        mask = all, *conf = 0.5f;
    if (pd->wd && c->n && c->a[0] == c->b[0]) {
        if (mask & dated)
            mask &= dated, *conf = *conf < 0.95f ? 0.95f : *conf;
        else
            *conf = 0.3f;
    }
    return c->n ? rs_pick(s, pd, c, mask, fut) : -1;
}

/* ---------------------------------------------------------------- output */

/* The event-format value of [a, b]: a day, a whole Gregorian month or
 * year, or an interval. */
static rs_date_precision rs_format(int32_t a, int32_t b, char value[24])
{
    char x[11], y[11], z[11];
    value[0] = '\0';
    if (b < a || rs_days_format(a, x) || rs_days_format(b, y) || rs_days_format(b + 1, z))
        return RS_DATE_NONE;
    if (a == b) {
        memcpy(value, x, 11);
        return RS_DATE_DAY;
    }
    if (memcmp(x, y, 7) == 0 && memcmp(x + 8, "01", 2) == 0 && memcmp(z + 8, "01", 2) == 0) {
        memcpy(value, x, 7);
        value[7] = '\0';
        return RS_DATE_MONTH;
    }
    if (memcmp(x, y, 4) == 0 && memcmp(x + 5, "01-01", 5) == 0 && memcmp(y + 5, "12-31", 5) == 0) {
        memcpy(value, x, 4);
        value[4] = '\0';
        return RS_DATE_YEAR;
    }
    memcpy(value, x, 10);
    value[10] = '/';
    memcpy(value + 11, y, 11);
    return RS_DATE_RANGE;
}

static void rs_push(rs_dates *out, const rs_scan *s, size_t i, size_t e, int32_t a, int32_t b,
                    float conf, const rs_pd *pd)
{
    char value[24];
    rs_date_precision p = rs_format(a, b, value);
    if (p == RS_DATE_NONE)
        return;
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->items = realloc(out->items, out->cap * sizeof *out->items);
        if (!out->items)
            abort();
    }
    rs_date_mention *m = &out->items[out->n++];
    m->start = s->t[i].start;
    m->end = s->t[e - 1].end;
    m->first = a;
    m->last = b;
    m->precision = p;
    memcpy(m->value, value, sizeof value);
    m->confidence = conf;
    m->relative = (uint8_t)(pd->fixed || !pd->y);
    m->calendar = (uint8_t)(pd->cal < 0 ? RS_CAL_GREGORIAN : pd->cal);
}

static size_t rs_emit_one(const rs_scan *s, size_t i, size_t e, rs_pd *p, int fut, rs_dates *out)
{
    rs_cands c;
    float conf;
    rs_pd_cands(s, p, &c);
    int k = rs_choose(s, p, &c, NULL, fut, &conf);
    if (k < 0)
        return i;
    rs_push(out, s, i, e, c.a[k], c.b[k], conf, p);
    return e;
}

/* A date and its equivalent in another calendar: one mention, the day both
 * name (a disagreement lowers the confidence and keeps the first). */
static size_t rs_emit_pair(const rs_scan *s, size_t i, size_t e, rs_pd *p1, rs_pd *p2, int fut,
                           rs_dates *out)
{
    rs_cands c1, c2;
    float conf;
    rs_pd_cands(s, p1, &c1);
    rs_pd_cands(s, p2, &c2);
    int k1 = rs_choose(s, p1, &c1, c2.n ? &c2 : NULL, fut, &conf);
    if (k1 < 0)
        return i;
    int32_t a = c1.a[k1], b = c1.b[k1];
    for (int k = 0; k < c2.n; k++) {
        if (!rs_overlaps(a, b, &c2, k))
            continue;
        a = a > c2.a[k] ? a : c2.a[k];
        b = b < c2.b[k] ? b : c2.b[k];
        if (p2->wd && a == b && rs_days_weekday(a) != p2->wd)
            conf = 0.3f;
        break;
    }
    rs_push(out, s, i, e, a, b, conf, p1);
    return e;
}

/* From p1 to p2. p1 may lack what p2 gives ("از ۱۱ تا ۱۳ مارچ"): it takes
 * p2's month, and a year no later than p2's. */
static size_t rs_emit_range(const rs_scan *s, size_t i, size_t e, rs_pd *p1, rs_pd *p2, int fut,
                            rs_dates *out)
{
    rs_cands c1, c2;
    float f1, f2;
    if (p1->d && !p1->m && !p1->fixed)
        p1->m = p2->m, p1->cal = p2->cal;
    rs_pd_cands(s, p2, &c2);
    int k2 = rs_choose(s, p2, &c2, NULL, fut, &f2);
    if (k2 < 0)
        return i;
    if (!p1->fixed && !p1->y && !p1->yrel_set && !p1->mrel_set && p2->cal >= 0 && p1->cal == p2->cal) {
        int y, m, d;
        if (rs_cal_from_days(p1->cal, c2.b[k2], &y, &m, &d))
            return i;
        rs_cands_years(p1, y - 1, y, &c1);
        f1 = f2;
    } else {
        rs_pd_cands(s, p1, &c1);
        if (rs_choose(s, p1, &c1, NULL, fut, &f1) < 0)
            return i;
    }
    int k1 = -1;
    for (int k = 0; k < c1.n; k++)
        if (c1.a[k] <= c2.b[k2])
            k1 = k;
    if (k1 < 0 || c2.b[k2] - c1.a[k1] > 3660)
        return i;
    rs_pd both = *p2;
    both.fixed = p1->fixed || p2->fixed;
    rs_push(out, s, i, e, c1.a[k1], c2.b[k2], f1 < f2 ? f1 : f2, &both);
    return e;
}

/* ---------------------------------------------------------------- expressions */

/* "last winter", "الشتاء الماضي" is SEASON REL and goes through rs_p_season. */
static size_t rs_p_rel_season(const rs_scan *s, size_t i, rs_pd *pd)
{
    const rs_lex_row *r = rs_has(s, i, K_REL), *q = rs_has(s, i + 1, K_SEASON);
    if (!r || !q || !s->has_pub)
        return i;
    memset(pd, 0, sizeof *pd);
    pd->season = q->value;
    pd->cal = RS_CAL_PERSIAN;
    pd->mrel_set = 1, pd->mrel = r->value;
    return i + 2;
}

static int rs_is_to(const rs_scan *s, size_t i, int opened)
{
    return rs_has(s, i, K_TO) || rs_punct(s, i, '-') || (opened && rs_has(s, i, K_AND));
}

/* One date: [روز] WEEKDAY [، / الموافق] DATE (the weekday checks it), a
 * written date, a relative one, "next March", or a weekday on its own. */
static size_t rs_p_simple(const rs_scan *s, size_t i, rs_pd *pd, int cued, int fut)
{
    size_t k = i + (rs_unit(s, i) == U_DAY && rs_has(s, i + 1, K_WEEKDAY));
    const rs_lex_row *w = rs_has(s, k, K_WEEKDAY);
    size_t e;
    if (w && rs_weekday_ok(s, k)) {
        size_t c = k + 1;
        while (c < s->n && (rs_punct(s, c, ',') || rs_punct(s, c, '/') || rs_punct(s, c, '-') ||
                            rs_has(s, c, K_SAME)))
            c++;
        if ((e = rs_p_core(s, c, pd, 1)) > c && pd->d) {
            pd->wd = w->value;
            return e;
        }
        return rs_p_weekday(s, i, pd, fut);
    }
    if ((e = rs_p_core(s, i, pd, cued)) > i)
        return e;
    if ((e = rs_p_relative(s, i, pd)) > i)
        return e;
    if ((e = rs_p_rel_season(s, i, pd)) > i)
        return e;
    const rs_lex_row *r = rs_has(s, i, K_REL);
    if (r && s->has_pub && (e = rs_p_core(s, i + 1, pd, 1)) > i + 1 && pd->m && !pd->y &&
        !pd->yrel_set && !pd->mrel_set) {
        pd->mrel_set = 1, pd->mrel = r->value;
        return e;
    }
    return rs_p_weekday(s, i, pd, fut);
}

/* "October 9 to 16[, 2024]": the end is a bare day in p1's month. */
static size_t rs_p_end_day(const rs_scan *s, size_t c, const rs_pd *p1, rs_pd *p2)
{
    int d = rs_day_num(s, c);
    if (d < 0 || !p1->m || !p1->d || p1->fixed || rs_month_row(s, c + 1))
        return c;
    *p2 = *p1;
    p2->d = d;
    p2->wd = 0;
    /* p1 takes any year written after the end in rs_emit_range */
    return rs_p_year(s, c + 1, p2, 0);
}

/* Whether an expression may start at token i: every form opens with a
 * number or a listed word, and most tokens are neither, so the grammar is
 * not tried on them. */
static int rs_may_start(const rs_scan *s, size_t i)
{
    return s->t[i].kinds != 0 || s->t[i].type == T_NUM;
}

/* Reads the expression at i, if any, adds its mention, returns its end. */
static size_t rs_p_expr(const rs_scan *s, size_t i, rs_dates *out)
{
    int fut = s->t[i].future;
    int opened = rs_has(s, i, K_FROM) != NULL;
    size_t j = i + (size_t)opened, e;
    int cued = opened || (i > 0 && rs_is_cue(s, i - 1));
    rs_pd p1, p2;
    int d1 = rs_day_num(s, j);
    if (d1 > 0 && rs_is_to(s, j + 1, opened) && (e = rs_p_simple(s, j + 2, &p2, 1, fut)) > j + 2 &&
        p2.d && !p2.fixed) {
        p1 = p2;
        p1.d = d1, p1.wd = 0;
        if ((e = rs_emit_range(s, i, e, &p1, &p2, fut, out)) > i)
            return e;
    }
    size_t e1 = rs_p_simple(s, j, &p1, cued, fut);
    if (e1 == j)
        return i;
    if (rs_is_to(s, e1, opened)) {
        size_t c = e1 + 1;
        e = rs_p_simple(s, c, &p2, 1, fut);
        if (e == c)
            e = rs_p_end_day(s, c, &p1, &p2);
        if (e > c && (e = rs_emit_range(s, i, e, &p1, &p2, fut, out)) > i)
            return e;
    }
    int paren = rs_punct(s, e1, '(');
    if (paren || rs_has(s, e1, K_SAME)) {
        size_t c = e1 + 1;
        e = rs_p_simple(s, c, &p2, 1, fut);
        if (e > c && (!paren || rs_punct(s, e, ')')))
            return rs_emit_pair(s, j, e + (size_t)paren, &p1, &p2, fut, out);
    }
    return rs_emit_one(s, j, e1, &p1, fut, out);
}

/* ---------------------------------------------------------------- interface */

const char *rs_date_precision_name(rs_date_precision p)
{
    static const char *const names[] = {"", "day", "month", "year", "range"};
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "";
}

void rs_dates_init(rs_dates *list)
{
    memset(list, 0, sizeof *list);
}

void rs_dates_free(rs_dates *list)
{
    rs_work *w = list->work;
    if (w) {
        free(w->t);
        rs_buf_free(&w->pool);
        rs_buf_free(&w->key);
        free(w);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

static rs_work *rs_work_get(rs_dates *list)
{
    if (!list->work) {
        rs_work *w = calloc(1, sizeof *w);
        if (!w)
            abort();
        rs_buf_init(&w->pool);
        rs_buf_init(&w->key);
        list->work = w;
    }
    return list->work;
}

size_t rs_dates_find(const char *text, size_t start, size_t end, const char *pub_date,
                     rs_lang lang, rs_dates *list)
{
    pthread_once(&rs_lex_once, rs_lex_load);
    list->n = 0;
    if (!text || start >= end)
        return 0;
    rs_work *w = rs_work_get(list);
    rs_scan_tokens(w, text, start, end);
    rs_match_words(w);
    rs_mark_future(w);
    rs_mark_kinds(w, lang);
    rs_scan s = {w->t, w->n, lang, 0, 0};
    s.has_pub = pub_date && rs_days_parse(pub_date, &s.pub) == 0;
    for (size_t i = 0; i < s.n;) {
        if (!rs_may_start(&s, i)) {
            i++;
            continue;
        }
        size_t e = rs_p_expr(&s, i, list);
        i = e > i ? e : i + 1;
    }
    return list->n;
}

void rs_date_context_init(rs_date_context *ctx, const char *pub_date)
{
    memset(ctx, 0, sizeof *ctx);
    int32_t day;
    if (!pub_date || rs_days_parse(pub_date, &day) != 0)
        return;
    ctx->current.first = ctx->current.last = day;
    ctx->current.precision = RS_DATE_DAY;
    ctx->current.confidence = 1.0f;
    ctx->current.relative = 1;
    rs_days_format(day, ctx->current.value);
}

void rs_date_context_update(rs_date_context *ctx, const rs_dates *found)
{
    for (size_t i = found->n; i-- > 0;) {
        const rs_date_mention *m = &found->items[i];
        if (m->confidence >= 0.5f && m->last - m->first <= 31) {
            ctx->current = *m;
            ctx->from_text = 1;
            return;
        }
    }
}

/* ------------------------------------------------------------ linting */

typedef struct rs_dates_lint_state {
    const char *name;
    FILE *out;
    size_t problems;
    char **seen; /* "kind value phrase" of every rule so far */
    size_t n_seen, cap_seen;
} rs_dates_lint_state;

static void rs_dates_problem(rs_dates_lint_state *st, size_t line, const char *what, const char *s, size_t len)
{
    fprintf(st->out, "%s:%zu: %s: %.*s\n", st->name, line, what, (int)len, s);
    st->problems++;
}

static int rs_all_digits(const char *s, size_t n)
{
    size_t i = n && (s[0] == '-' || s[0] == '+');
    if (i == n)
        return 0;
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Records a rule's key; 0 when an identical rule came before. */
static int rs_dates_first_time(rs_dates_lint_state *st, char *key)
{
    for (size_t i = 0; i < st->n_seen; i++)
        if (strcmp(st->seen[i], key) == 0)
            return 0;
    if (st->n_seen == st->cap_seen) {
        st->cap_seen = st->cap_seen ? st->cap_seen * 2 : 256;
        st->seen = realloc(st->seen, st->cap_seen * sizeof *st->seen);
        if (!st->seen)
            abort();
    }
    st->seen[st->n_seen++] = key;
    return 1;
}

static void rs_dates_lint_line(void *ctx, const char *s, size_t len, size_t number)
{
    rs_dates_lint_state *st = ctx;
    size_t i = 0, kl, vl, fl;
    size_t k = rs_field(s, len, &i, &kl), v = rs_field(s, len, &i, &vl), f = rs_field(s, len, &i, &fl);
    int kind = K_NONE;
    for (int j = 1; j < K_N; j++)
        if (strlen(rs_kind_names[j]) == kl && memcmp(rs_kind_names[j], s + k, kl) == 0)
            kind = j;
    if (kind == K_NONE) {
        rs_dates_problem(st, number, "unknown kind", s + k, kl);
        return;
    }
    if (!rs_all_digits(s + v, vl)) {
        rs_dates_problem(st, number, "value is not a number", s + v, vl);
        return;
    }
    for (size_t c = 0; c < fl; c++)
        if (!(fl == 1 && s[f] == '-') && !strchr("scfae", s[f + c])) {
            rs_dates_problem(st, number, "unknown flag (want -, or letters s c f a e)", s + f, fl);
            return;
        }
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= len) {
        rs_dates_problem(st, number, "rule has no phrase", s, len);
        return;
    }
    rs_buf key;
    rs_buf_init(&key);
    rs_buf_append(&key, s + k, kl);
    rs_buf_putc(&key, ' ');
    rs_buf_append(&key, s + v, vl);
    rs_buf_putc(&key, ' ');
    rs_fold_phrase(s + i, len - i, 0, &key);
    char *owned = rs_buf_detach(&key);
    if (!rs_dates_first_time(st, owned)) {
        rs_dates_problem(st, number, "duplicate rule", s, len);
        free(owned);
    }
}

size_t rs_dates_lint(const char *name, const char *data, size_t size, FILE *out)
{
    rs_dates_lint_state st = {name, out, 0, NULL, 0, 0};
    rs_data_each_line((const unsigned char *)data, size, rs_dates_lint_line, &st);
    for (size_t i = 0; i < st.n_seen; i++)
        free(st.seen[i]);
    free(st.seen);
    return st.problems;
}
