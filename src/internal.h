/*
 * internal.h - what the library's source files share but users do not see.
 */
#ifndef RASAD_INTERNAL_H
#define RASAD_INTERNAL_H

#include "rasad.h"

#include <string.h>

/* rs_utf8_next for hot loops: ASCII and two-byte letters (all of Arabic
 * script) without a call. */
static inline uint32_t rs_utf8_step(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF && *i + 1 < len && ((unsigned char)s[*i + 1] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[*i + 1] & 0x3F);
        *i += 2;
        return cp;
    }
    /* The call gets a copy: were *i itself passed, the caller's index
     * would live in memory through the whole of its loop. */
    size_t at = *i;
    uint32_t c3 = rs_utf8_next(s, len, &at);
    *i = at;
    return c3;
}

/* The bytes of code point c in UTF-8. */
static inline size_t rs_utf8_size(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Writes c as UTF-8 to out (room for four bytes); returns the length. */
static inline size_t rs_utf8_encode(uint32_t c, char *out)
{
    size_t n = rs_utf8_size(c);
    switch (n) {
    case 1:
        out[0] = (char)c;
        break;
    case 2:
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        break;
    case 3:
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        break;
    default:
        out[0] = (char)(0xF0 | (c >> 18));
        out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[3] = (char)(0x80 | (c & 0x3F));
    }
    return n;
}

/* Letters (code points) in UTF-8 text: bytes that do not continue one. */
static inline size_t rs_utf8_letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* A hash of bytes, from seed: the one hash the lexicon trie, the date
 * words and the coder's word lists use. Every word of every sentence is
 * hashed several times, so it reads eight bytes at a step (the tail as two
 * overlapping loads) instead of one. Not stable across byte orders: only
 * in-memory tables use it. */
static inline uint64_t rs_hash_load(const char *s, size_t n)
{
    uint64_t v = 0;
    memcpy(&v, s, n);
    return v;
}

static inline uint64_t rs_hash_mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
}

static inline uint64_t rs_hash_bytes(const char *s, size_t len, uint64_t seed)
{
    uint64_t h = (seed + 0x9E3779B97F4A7C15ULL) * 0x94D049BB133111EBULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        h = rs_hash_mix(h, rs_hash_load(s + i, 8));
    size_t rest = len - i;
    if (rest >= 4)
        h = rs_hash_mix(h, rs_hash_load(s + i, 4) | rs_hash_load(s + len - 4, 4) << 32);
    else if (rest)
        h = rs_hash_mix(h, (uint64_t)(unsigned char)s[i] | (uint64_t)(unsigned char)s[i + rest / 2] << 8 |
                               (uint64_t)(unsigned char)s[len - 1] << 16);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
}

/* The hash a word is looked up by, in the dictionaries' tries, the
 * coder's word lists and the light-verb forms alike: rs_tokenize keeps it
 * for each token's form and stem (rs_token.norm_hash, stem_hash), so that
 * a word is hashed once for all of them. */
static inline uint64_t rs_word_hash(const char *s, size_t len)
{
    return rs_hash_bytes(s, len, 0);
}

/* Whether n bytes at a and b are the same: memcmp for the short keys of
 * hash tables, without a call. */
static inline int rs_same_bytes(const char *a, const char *b, size_t n)
{
    for (; n >= 8; a += 8, b += 8, n -= 8)
        if (rs_hash_load(a, 8) != rs_hash_load(b, 8))
            return 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Whether the host loads bytes little-endian: the byte masks of
 * rs_bytes_match put byte k at bits 8k to 8k + 7 only then, and the loops
 * that use them fall back to one byte at a time elsewhere. */
#define RS_LITTLE_ENDIAN (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)

/* The high bit of each byte of w whose bits under mask equal value's,
 * exactly (no carries between bytes): the scans that look at eight bytes
 * at a time. */
static inline uint64_t rs_bytes_match(uint64_t w, unsigned char mask, unsigned char value)
{
    const uint64_t ones = 0x0101010101010101ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t x = (w & (ones * mask)) ^ (ones * value);
    return ~(((x & low7) + low7) | x) & ~low7;
}

/* Grows an array of size-byte items to hold need, doubling; aborts when
 * memory runs out. Returns the (possibly moved) array; *cap is updated. */
void *rs_grow_array(void *p, size_t *cap, size_t need, size_t size);

/* A line of a document and the verdict on it. */
typedef struct rs_line {
    size_t start, end; /* [start, end) without the newline */
    size_t words;      /* rs_line_words of the line */
    rs_drop dropped;
} rs_line;

/* The white-space separated words of a line (spaces, tabs, no-break
 * spaces), counted up to RS_LINE_WORDS_COUNTED + 1: the furniture rules
 * only ask whether a line has more than a couple of dozen. */
#define RS_LINE_WORDS_COUNTED 32
size_t rs_line_words(const char *s, size_t len);

/* Marks the lines of a document that are page furniture. */
void rs_furniture_mark(const char *text, rs_line *lines, size_t n);

/* Whether the line's last visible character ends a sentence
 * (. ! ? ؟ … or a closing quote). */
int rs_line_ends_sentence(const char *text, const rs_line *line);

/* A word of a fixed list, with its length in bytes. */
typedef struct rs_word {
    const char *text;
    size_t len;
} rs_word;
#define RS_WORD(w) {w, sizeof w - 1}
#define RS_WORD_COUNT(list) (sizeof list / sizeof *list)

/* Whether the n bytes at w are one of list's count words. */
static inline int rs_word_in(const char *w, size_t n, const rs_word *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (list[i].len == n && rs_same_bytes(list[i].text, w, n))
            return 1;
    return 0;
}

/* Whether the space between the normalised words a and b (p is the word
 * before a, or NULL) separates a detached Persian affix from its word:
 * "می کند", "رسانه های". rs_normalize and rs_tokenize both join there. */
int rs_affix_joins(const char *p, size_t pn, const char *a, size_t an, const char *b, size_t bn);

/* Whether the normalised word w could be either side of a pair that
 * rs_affix_joins joins: when no word of a sentence could, rs_tokenize
 * skips the search. */
int rs_affix_may_join(const char *w, size_t n);

/* What rs_normalize writes for the code point c whatever surrounds it,
 * without ICU: c itself or the one letter it folds to. 0 when c needs more
 * (NFKC, deletion, a space): rs_tokenize then normalises the word whole. */
uint32_t rs_fold_alone(uint32_t c);

/* Bundled data files, compiled in from dict/ (see cmake/embed.cmake). */
extern const unsigned char rs_data_furniture[];
extern const size_t rs_data_furniture_size;

/* Lints the text of a furniture rules file; reports NAME:LINE: problem
 * lines to out and returns how many problems it found. */
size_t rs_furniture_lint(const char *name, const char *data, size_t size, FILE *out);

/* A data file compiled into the binary (cmake/embed_set.cmake). */
struct rs_data_file {
    const char *name;
    const unsigned char *data;
    size_t size;
};
extern const struct rs_data_file rs_lexicon_files[];
extern const size_t rs_lexicon_files_count;

/* Lints the actor dictionaries (bundled, and user_dir's when not NULL):
 * NAME:LINE: problem lines to out. Returns the number of problems, or
 * (size_t)-1 when user_dir cannot be read. */
size_t rs_lexicon_lint(const char *user_dir, FILE *out);

/* A lexicon of one dictionary text alone, as a user file (for the fuzzer
 * and tests). Free with rs_lexicon_free. */
rs_lexicon *rs_lexicon_from_text(const char *data, size_t size, FILE *report);

/* rs_import_petrarch on an open stream; name is used in messages. */
size_t rs_import_petrarch_stream(FILE *in, const char *name, FILE *out, FILE *errors);

/* The kinds of dictionary a lexicon holds, each from its own files. */
enum rs_lexicon_set { RS_SET_ACTORS, RS_SET_EVENTS, RS_SET_PLACES };
/* Loads a bundled set (events, places). Free with rs_lexicon_free. */
rs_lexicon *rs_lexicon_load_set(int set);

/* Special keys in event patterns: a light verb ("+کردن") and any word ("*"). */
#define RS_KEY_LIGHT_VERB '\x02'
#define RS_KEY_ANY '\x03'

/* One row of the CAMEO table (dict/cameo.txt). */
typedef struct rs_cameo_info {
    char code[5];
    float goldstein;
    int quad;
    char plover[12]; /* "" for codes with no PLOVER type (01, 02) */
    const char *name;
} rs_cameo_info;

/* The row of a CAMEO code, or NULL. */
const rs_cameo_info *rs_cameo_find(const char *code);
/* Lints the CAMEO table's text; like rs_furniture_lint. */
size_t rs_cameo_lint(const char *name, const char *data, size_t size, FILE *out);

/* Persian light verbs (src/verbs.c). */
typedef void (*rs_verb_fn)(void *ctx, int verb, int negated, int aux, int stem);
/* The index of a light verb by its normalised infinitive, or -1. */
int rs_light_verb_index(const char *infinitive, size_t len);
/* A light verb's normalised infinitive, or NULL. Static storage. */
const char *rs_light_verb_name(int verb);
/* Calls fn for each reading of a normalised word, whose rs_word_hash is
 * hash, as a light-verb form (negated: نکرد; aux: the future's خواهد; stem:
 * the bare past stem that follows it). Returns the number of readings. */
size_t rs_light_verb_forms(const char *word, size_t len, uint64_t hash, rs_verb_fn fn, void *ctx);
size_t rs_lightverbs_lint(const char *name, const char *data, size_t size, FILE *out);

/* rs_actors_find with the sentence's date mentions already found (they
 * tell the weekday دوشنبه from the city), which saves finding them twice. */
size_t rs_actors_find_with_dates(const rs_lexicon *lex, const char *text, size_t start, size_t end, rs_lang lang,
                                 const char *date, const rs_dates *dates, rs_actors *list);

/* What an actor entry can be the antecedent of: RS_ANTECEDENT_GROUP for a
 * group (dict/actors/organisations.txt: "این گروه", "الحركة", "the group"),
 * RS_ANTECEDENT_STATE for a state ("این کشور", "the country"), or -1. */
int rs_antecedent_kind(const rs_lexicon *lex, int entry);

/* Reports the coder's built-in word lists that are not in normalised form
 * (src/coder.c); returns how many. */
size_t rs_coder_check_words(FILE *out);

/* Lexicon internals that the actor resolver and the coder walk. */
#define RS_NO_NODE UINT32_MAX
uint32_t rs_lexicon_step(const rs_lexicon *lex, uint32_t node, const char *key, size_t len);
/* rs_lexicon_step with the key's rs_word_hash already known. */
uint32_t rs_lexicon_step_hashed(const rs_lexicon *lex, uint32_t node, const char *key, size_t len, uint64_t hash);
/* Starts loading what rs_lexicon_step_hashed(lex, node, ..., hash) will
 * read. The tables are larger than the cache and every token is looked
 * up, mostly at the root: the loops over a sentence's tokens ask a few
 * tokens ahead, so that the lookup does not wait for memory. */
void rs_lexicon_prefetch(const rs_lexicon *lex, uint32_t node, uint64_t hash);
/* How many tokens ahead those loops prefetch. */
#define RS_PREFETCH_AHEAD 4
/* Prefetches the root lookups of a token's form and stem. */
static inline void rs_lexicon_prefetch_token(const rs_lexicon *lex, const rs_token *tok)
{
    rs_lexicon_prefetch(lex, 0, tok->norm_hash);
    if (tok->stem_hash != tok->norm_hash)
        rs_lexicon_prefetch(lex, 0, tok->stem_hash);
}
/* A node's entries one by one: *cursor starts at 0; -1 when done. */
int rs_lexicon_payload(const rs_lexicon *lex, uint32_t node, uint32_t *cursor);
/* The language (rs_lang) the payload rs_lexicon_payload last returned
 * through cursor was written for. */
int rs_lexicon_payload_lang(const rs_lexicon *lex, uint32_t cursor);
/* Whether that payload's name was written that way, not reached by a stem. */
int rs_lexicon_payload_exact(const rs_lexicon *lex, uint32_t cursor);
int rs_lexicon_is_state(const rs_lexicon *lex, int entry);
const char *rs_lexicon_cameo(const rs_lexicon *lex, int entry);
int rs_lexicon_modality(const rs_lexicon *lex, int entry);
/* An event entry's "target after" (target set) or "source after" words as
 * "|w1|w2|", or NULL. */
const char *rs_lexicon_markers(const rs_lexicon *lex, int entry, int target);
/* A place entry's country and coordinates; 0 when it is not a place. */
int rs_lexicon_place(const rs_lexicon *lex, int entry, char country[4], float *lat, float *lon);
/* The name of a modality (rs_modality). */
const char *rs_modality_name(int modality);

/* Capitals-only names (US, UN, TTP) are keyed as RS_ACRONYM_MARK plus the
 * letters, and match only text written the same way. */
#define RS_ACRONYM_MARK '\x01'
int rs_is_acronym(const char *s, size_t len);

/* "YYYY-MM-DD" as the number YYYYMMDD, or -1. */
int32_t rs_ymd(const char *s, size_t len);

/* Lints the text of a date words file (dict/dates.txt), likewise. */
size_t rs_dates_lint(const char *name, const char *data, size_t size, FILE *out);

/* Calls fn for each rule line of a bundled data file: the line without its
 * comment, trimmed, and its 1-based number. Blank lines are passed over. */
typedef void (*rs_data_line_fn)(void *ctx, const char *line, size_t len, size_t number);
void rs_data_each_line(const unsigned char *data, size_t size, rs_data_line_fn fn, void *ctx);

#endif
