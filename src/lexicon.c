/*
 * lexicon.c - the actor dictionaries: reading the entry files of dict/
 * (and a user's folder), checking them, and indexing every name for the
 * longest-match lookup in actors.c.
 *
 * Names are indexed as sequences of tokens made by the same tokenizer and
 * normaliser as the text, in a trie whose edges live in one hash table
 * keyed by (parent node, token). Each token of a name is entered both as
 * its normalised form and as its stem, so "الإيرانية" in a dictionary
 * meets "والإيرانية" and "إيرانية" in the text.
 */
#include "internal.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* A name's tokens each have two keys; past this many tokens only the
 * normalised forms are entered. */
#define RS_MAX_VARIANT_TOKENS 6

typedef struct rs_code_span {
    char code[RS_CODE_MAX];
    int32_t from, to; /* YYYYMMDD, inclusive; a default span is 0..99999999 */
    uint8_t ranged;
    uint32_t line;
} rs_code_span;

typedef struct rs_entry {
    uint32_t label;  /* offset in strings */
    uint32_t file;   /* offset in strings */
    uint32_t line;
    uint32_t first_code, n_codes;
    uint8_t is_state, is_agent, user;
    char role[4];
    /* event patterns and modality cues */
    char cameo[5];
    uint8_t modality;                    /* rs_modality, for cue entries */
    uint32_t target_after, source_after; /* offsets of "|w1|w2|" in strings, or 0 */
    /* places */
    char country[4];
    float lat, lon;
    uint8_t has_place;
} rs_entry;

/* Sixteen bytes, so that the events table stays small enough for the
 * cache: every token of every sentence is looked up in it. */
typedef struct rs_edge {
    uint32_t check; /* hash bits above the key's length (low byte); 0 when empty */
    uint32_t parent, child;
    uint32_t key;   /* offset in strings */
} rs_edge;

/* Longest edge key: the loaders build keys in 256-byte buffers. */
#define RS_MAX_KEY 255

typedef struct rs_payload {
    uint32_t entry;
    uint32_t next;  /* next payload of the same node, or RS_NO_NODE */
    uint32_t line;  /* where the name was written */
    uint8_t exact;  /* entered under its normalised forms, not stems */
    uint8_t lang;
} rs_payload;

struct rs_lexicon {
    rs_entry *entries;
    size_t n_entries, cap_entries;
    rs_code_span *codes;
    size_t n_codes, cap_codes;
    rs_buf strings;
    char (*roots)[4];
    size_t n_roots, cap_roots;
    char (*parts)[4]; /* roles and organisation codes */
    size_t n_parts, cap_parts;
    rs_edge *edges;
    size_t n_edges, cap_edges; /* cap is a power of two */
    /* A Bloom filter over the edges, an eighth of the table's size: most
     * lookups are for words that start no name, and the filter, unlike
     * the table, stays in the cache. */
    uint64_t *filter;
    uint32_t *node_payload;    /* first payload of each node */
    size_t n_nodes, cap_nodes;
    rs_payload *payloads;
    size_t n_payloads, cap_payloads;
    size_t n_names;
    int set;            /* rs_lexicon_set: what kind of entries it holds */
    int report_bundled; /* whether checks report the bundled entries too */
    size_t report_limit;  /* problems printed at most; 0 for all */
    size_t reported, suppressed;
    rs_tokens scratch;
};

/* Loading state for one file. */
typedef struct rs_loader {
    rs_lexicon *lex;
    const char *file;
    uint32_t file_off;
    int user;
    FILE *report;    /* problems go here; NULL to stay silent */
    size_t problems;
    int entry;       /* the entry being read, or -1 */
} rs_loader;

static uint32_t rs_intern(rs_lexicon *lex, const char *s, size_t len)
{
    uint32_t off = (uint32_t)lex->strings.len;
    rs_buf_append(&lex->strings, s, len);
    rs_buf_putc(&lex->strings, '\0');
    return off;
}

/* Prints one problem, unless the lexicon's limit has been reached. */
static void rs_report(rs_lexicon *lex, FILE *out, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void rs_report(rs_lexicon *lex, FILE *out, const char *fmt, ...)
{
    if (!out)
        return;
    if (lex->report_limit && lex->reported >= lex->report_limit) {
        lex->suppressed++;
        return;
    }
    lex->reported++;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
}

static void rs_problem(rs_loader *ld, size_t line, const char *what, const char *text, size_t len)
{
    ld->problems++;
    rs_report(ld->lex, ld->report, "%s:%zu: %s%s%.*s\n", ld->file, line, what, len ? ": " : "", (int)len, text);
}

int32_t rs_ymd(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int32_t v = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    int m = (v / 100) % 100, d = v % 100;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? v : -1;
}

/* ------------------------------------------------------------ the trie */

/* An edge's hash: its key's rs_word_hash mixed with the parent, so that a
 * token hashed once by the tokenizer can be looked up under any node. */
static uint64_t rs_hash_edge(uint32_t parent, uint64_t key_hash)
{
    return rs_hash_mix(key_hash, parent);
}

/* The slot's check word: bit 8 keeps it from 0, the empty mark. */
static uint32_t rs_edge_check(uint64_t h, size_t len)
{
    return ((uint32_t)(h >> 32) & ~0xFFu) | 0x100u | (uint32_t)len;
}

static uint32_t rs_new_node(rs_lexicon *lex)
{
    lex->node_payload = rs_grow_array(lex->node_payload, &lex->cap_nodes, lex->n_nodes + 1, sizeof *lex->node_payload);
    lex->node_payload[lex->n_nodes] = RS_NO_NODE;
    return (uint32_t)lex->n_nodes++;
}

/* The filter word and the two bits of the edge with hash h. */
static uint64_t *rs_filter_word(const rs_lexicon *lex, uint64_t h, uint64_t *bits)
{
    *bits = (1ULL << ((h >> 30) & 63)) | (1ULL << ((h >> 24) & 63));
    return &lex->filter[(h >> 12) & (lex->cap_edges / 8 - 1)];
}

/* A zeroed table of size bytes; free it with free(). A large one is asked
 * for in huge pages: every token of every sentence looks into the edge
 * tables at random, and with small pages most of those lookups missed the
 * TLB as well as the cache. */
static void *rs_table_alloc(size_t size)
{
    const size_t huge = (size_t)2 << 20;
    void *p = NULL;
    if (size >= huge / 2) {
        size_t rounded = (size + huge - 1) & ~(huge - 1);
        if (posix_memalign(&p, huge, rounded) == 0) {
            madvise(p, rounded, MADV_HUGEPAGE); /* only a hint: without it the table works the same */
            memset(p, 0, size);
            return p;
        }
    }
    p = calloc(1, size);
    if (!p)
        abort();
    return p;
}

static void rs_rehash(rs_lexicon *lex)
{
    size_t cap = lex->cap_edges ? lex->cap_edges * 2 : 4096;
    rs_edge *slots = rs_table_alloc(cap * sizeof *slots);
    uint64_t *filter = calloc(cap / 8, sizeof *filter);
    if (!filter)
        abort();
    rs_edge *old = lex->edges;
    size_t old_cap = lex->cap_edges;
    free(lex->filter);
    lex->edges = slots;
    lex->filter = filter;
    lex->cap_edges = cap;
    for (size_t i = 0; i < old_cap; i++) {
        const rs_edge *e = &old[i];
        if (!e->check)
            continue;
        uint64_t h = rs_hash_edge(e->parent, rs_word_hash(lex->strings.data + e->key, e->check & 0xFFu)), bits;
        *rs_filter_word(lex, h, &bits) |= bits;
        size_t k = h & (cap - 1);
        while (slots[k].check)
            k = (k + 1) & (cap - 1);
        slots[k] = *e;
    }
    free(old);
}

/* The child of parent along key, or RS_NO_NODE. Kept apart from
 * rs_edge_add, without its bookkeeping: every token of every sentence is
 * looked up, mostly in vain. */
static uint32_t rs_edge_lookup(const rs_lexicon *lex, uint32_t parent, const char *key, size_t len,
                               uint64_t key_hash)
{
    if (len > RS_MAX_KEY || !lex->cap_edges)
        return RS_NO_NODE;
    uint64_t h = rs_hash_edge(parent, key_hash), bits;
    const uint64_t *word = rs_filter_word(lex, h, &bits);
    if ((*word & bits) != bits)
        return RS_NO_NODE;
    uint32_t check = rs_edge_check(h, len);
    size_t mask = lex->cap_edges - 1;
    for (size_t k = h & mask; lex->edges[k].check; k = (k + 1) & mask) {
        const rs_edge *e = &lex->edges[k];
        if (e->check == check && e->parent == parent && rs_same_bytes(lex->strings.data + e->key, key, len))
            return e->child;
    }
    return RS_NO_NODE;
}

/* The child of parent along key, created when it does not exist. */
static uint32_t rs_edge_add(rs_lexicon *lex, uint32_t parent, const char *key, size_t len)
{
    if ((lex->n_edges + 1) * 2 > lex->cap_edges)
        rs_rehash(lex);
    if (len > RS_MAX_KEY)
        abort(); /* no loader builds such a key */
    uint64_t h = rs_hash_edge(parent, rs_word_hash(key, len)), bits;
    uint64_t *word = rs_filter_word(lex, h, &bits);
    uint32_t check = rs_edge_check(h, len);
    size_t k = h & (lex->cap_edges - 1);
    for (;;) {
        rs_edge *e = &lex->edges[k];
        if (!e->check)
            break;
        if (e->check == check && e->parent == parent && rs_same_bytes(lex->strings.data + e->key, key, len))
            return e->child;
        k = (k + 1) & (lex->cap_edges - 1);
    }
    *word |= bits;
    rs_edge *e = &lex->edges[k];
    e->check = check;
    e->parent = parent;
    e->key = rs_intern(lex, key, len);
    e->child = rs_new_node(lex);
    lex->n_edges++;
    return e->child;
}

uint32_t rs_lexicon_step(const rs_lexicon *lex, uint32_t node, const char *key, size_t len)
{
    return rs_edge_lookup(lex, node, key, len, rs_word_hash(key, len));
}

uint32_t rs_lexicon_step_hashed(const rs_lexicon *lex, uint32_t node, const char *key, size_t len, uint64_t hash)
{
    return rs_edge_lookup(lex, node, key, len, hash);
}

void rs_lexicon_prefetch(const rs_lexicon *lex, uint32_t node, uint64_t hash)
{
    if (!lex->cap_edges)
        return;
    uint64_t h = rs_hash_edge(node, hash), bits;
    __builtin_prefetch(rs_filter_word(lex, h, &bits));
    __builtin_prefetch(&lex->edges[h & (lex->cap_edges - 1)]);
}

static void rs_add_payload(rs_lexicon *lex, uint32_t node, uint32_t entry, uint32_t line, int exact, rs_lang lang)
{
    for (uint32_t p = lex->node_payload[node]; p != RS_NO_NODE; p = lex->payloads[p].next)
        if (lex->payloads[p].entry == entry) {
            lex->payloads[p].exact |= (uint8_t)exact;
            return;
        }
    lex->payloads = rs_grow_array(lex->payloads, &lex->cap_payloads, lex->n_payloads + 1, sizeof *lex->payloads);
    rs_payload *p = &lex->payloads[lex->n_payloads];
    p->entry = entry;
    p->line = line;
    p->exact = (uint8_t)exact;
    p->lang = (uint8_t)lang;
    p->next = lex->node_payload[node];
    lex->node_payload[node] = (uint32_t)lex->n_payloads++;
}

/* Event patterns have two special words: "+VERB", a Persian light verb in
 * any form (RS_KEY_LIGHT_VERB plus the infinitive), and "*", any one word
 * (RS_KEY_ANY). Returns how many tokens the special word took, or 0. */
static size_t rs_special_key(const rs_tokens *t, size_t i, char key[256], size_t *n)
{
    const rs_token *tok = &t->items[i];
    const char *norm = t->pool.data + tok->norm_off;
    if (tok->kind != RS_TOKEN_PUNCT)
        return 0;
    if (tok->norm_len == 1 && norm[0] == '*') {
        key[0] = RS_KEY_ANY;
        *n = 1;
        return 1;
    }
    if (tok->norm_len == 1 && norm[0] == '+' && i + 1 < t->n && t->items[i + 1].kind == RS_TOKEN_WORD &&
        t->items[i + 1].start == tok->end) {
        const rs_token *verb = &t->items[i + 1];
        size_t len = verb->norm_len < 254 ? verb->norm_len : 254;
        key[0] = RS_KEY_LIGHT_VERB;
        memcpy(key + 1, t->pool.data + verb->norm_off, len);
        *n = len + 1;
        return 2;
    }
    return 0;
}

/* Enters the name's tokens from position i on, each by its normalised form
 * and (when different) its stem: every combination leads to the entry. */
static void rs_insert_variants(rs_lexicon *lex, const rs_tokens *t, size_t i, uint32_t node, int exact,
                               uint32_t entry, uint32_t line, rs_lang lang)
{
    if (i == t->n) {
        rs_add_payload(lex, node, entry, line, exact, lang);
        return;
    }
    const rs_token *tok = &t->items[i];
    const char *norm = t->pool.data + tok->norm_off;
    char key[256];
    size_t n = tok->norm_len < sizeof key ? tok->norm_len : sizeof key - 1;
    memcpy(key, norm, n);
    size_t special = rs_special_key(t, i, key, &n);
    if (special) {
        uint32_t child = rs_edge_add(lex, node, key, n);
        rs_insert_variants(lex, t, i + special, child, exact, entry, line, lang);
        return;
    }
    uint32_t child = rs_edge_add(lex, node, key, n);
    rs_insert_variants(lex, t, i + 1, child, exact, entry, line, lang);
    /* A stem of one or two letters is a different word ("بالاو" is not "او"). */
    if (tok->stem_off == tok->norm_off || i >= RS_MAX_VARIANT_TOKENS ||
        rs_utf8_letters(t->pool.data + tok->stem_off, tok->stem_len) < 3)
        return;
    /* Names carry no proclitics: the ب of "بنما", the ك of "كوبا" and the
     * و of "ونزوئلا" are their own letters. (Text tokens are still looked up
     * by their stems, so "وكوبا" finds Cuba.) */
    if (tok->affixes & (RS_AFFIX_CONJ | RS_AFFIX_PREP | RS_AFFIX_FUTURE))
        return;
    /* Nor are an Arabic name's last letters a plural: البحرين is not البحر + ين. */
    if (lang == RS_LANG_AR && (tok->affixes & RS_AFFIX_PLURAL))
        return;
    /* The pool may have moved while the trie grew: copy before using. */
    n = tok->stem_len < sizeof key ? tok->stem_len : sizeof key - 1;
    memcpy(key, t->pool.data + tok->stem_off, n);
    child = rs_edge_add(lex, node, key, n);
    rs_insert_variants(lex, t, i + 1, child, 0, entry, line, lang);
}

/* ------------------------------------------------------------ codes */

static int rs_in_codes(char (*list)[4], size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(list[i], code, 3) == 0)
            return 1;
    return 0;
}

static int rs_code_shape(const char *s, size_t len)
{
    if (len < 3 || len % 3 || len >= RS_CODE_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* Known when its root is a known root or state, and each later part a
 * known role or organisation code. */
static int rs_code_known(const rs_lexicon *lex, const char *code)
{
    size_t len = strlen(code);
    if (!rs_in_codes(lex->roots, lex->n_roots, code))
        return 0;
    /* CAMEO also puts states after a root: MNCUSA, IGOEUREEC. */
    for (size_t i = 3; i < len; i += 3)
        if (!rs_in_codes(lex->parts, lex->n_parts, code + i) && !rs_in_codes(lex->roots, lex->n_roots, code + i))
            return 0;
    return 1;
}

static void rs_add_code_word(rs_lexicon *lex, int root, const char *code)
{
    if (root) {
        lex->roots = rs_grow_array(lex->roots, &lex->cap_roots, lex->n_roots + 1, sizeof *lex->roots);
        memcpy(lex->roots[lex->n_roots++], code, 3);
        lex->roots[lex->n_roots - 1][3] = '\0';
    } else {
        lex->parts = rs_grow_array(lex->parts, &lex->cap_parts, lex->n_parts + 1, sizeof *lex->parts);
        memcpy(lex->parts[lex->n_parts++], code, 3);
        lex->parts[lex->n_parts - 1][3] = '\0';
    }
}

/* ------------------------------------------------------------ reading lines */

typedef struct rs_field {
    const char *s;
    size_t len;
} rs_field;

/* Splits off the first word of *rest. */
static rs_field rs_next_word(rs_field *rest)
{
    size_t i = 0;
    while (i < rest->len && (rest->s[i] == ' ' || rest->s[i] == '\t'))
        i++;
    size_t j = i;
    while (j < rest->len && rest->s[j] != ' ' && rest->s[j] != '\t')
        j++;
    rs_field w = {rest->s + i, j - i};
    rest->s += j;
    rest->len -= j;
    return w;
}

static int rs_word_is(rs_field w, const char *s)
{
    return w.len == strlen(s) && memcmp(w.s, s, w.len) == 0;
}

static void rs_new_entry(rs_loader *ld, rs_field label, size_t line)
{
    rs_lexicon *lex = ld->lex;
    while (label.len && (label.s[0] == ' ' || label.s[0] == '\t'))
        label.s++, label.len--;
    lex->entries = rs_grow_array(lex->entries, &lex->cap_entries, lex->n_entries + 1, sizeof *lex->entries);
    rs_entry *e = &lex->entries[lex->n_entries];
    memset(e, 0, sizeof *e);
    e->label = rs_intern(lex, label.s, label.len);
    e->file = ld->file_off;
    e->line = (uint32_t)line;
    e->first_code = (uint32_t)lex->n_codes;
    e->user = (uint8_t)ld->user;
    ld->entry = (int)lex->n_entries++;
}

/* "CODE" or "CODE FROM..TO" with either end open. */
static void rs_read_code(rs_loader *ld, rs_field rest, size_t line)
{
    rs_lexicon *lex = ld->lex;
    rs_field code = rs_next_word(&rest), range = rs_next_word(&rest);
    if (!rs_code_shape(code.s, code.len)) {
        rs_problem(ld, line, "malformed code (three-letter parts, capitals)", code.s, code.len);
        return;
    }
    rs_code_span span = {{0}, 0, 99999999, 0, (uint32_t)line};
    memcpy(span.code, code.s, code.len);
    if (range.len) {
        const char *dots = NULL;
        for (size_t i = 0; i + 1 < range.len; i++)
            if (range.s[i] == '.' && range.s[i + 1] == '.')
                dots = range.s + i;
        size_t a = dots ? (size_t)(dots - range.s) : 0, b = dots ? range.len - a - 2 : 0;
        int32_t from = a ? rs_ymd(range.s, a) : 0, to = b ? rs_ymd(dots + 2, b) : 99999999;
        if (!dots || from < 0 || to < 0 || from > to || (a == 0 && b == 0)) {
            rs_problem(ld, line, "malformed date range (want FROM..TO, YYYY-MM-DD)", range.s, range.len);
            return;
        }
        span.from = from;
        span.to = to;
        span.ranged = 1;
    }
    if (rest.len && rs_next_word(&rest).len) {
        rs_problem(ld, line, "extra words after the code", code.s, code.len);
        return;
    }
    lex->codes = rs_grow_array(lex->codes, &lex->cap_codes, lex->n_codes + 1, sizeof *lex->codes);
    lex->codes[lex->n_codes++] = span;
    lex->entries[ld->entry].n_codes++;
}

/* Capitals-only names (US, UN, EU, TTP) match only as written, so "US" is
 * not the pronoun "us". They are entered under a marked key. */
int rs_is_acronym(const char *s, size_t len)
{
    if (len < 2 || len > 5)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static void rs_read_names(rs_loader *ld, rs_lang lang, rs_field rest, size_t line)
{
    rs_lexicon *lex = ld->lex;
    size_t i = 0;
    while (i <= rest.len) {
        size_t j = i;
        while (j < rest.len && rest.s[j] != '|')
            j++;
        size_t a = i, b = j;
        while (a < b && (rest.s[a] == ' ' || rest.s[a] == '\t'))
            a++;
        while (b > a && (rest.s[b - 1] == ' ' || rest.s[b - 1] == '\t'))
            b--;
        if (a == b) {
            rs_problem(ld, line, "empty name", "", 0);
        } else if (rs_is_acronym(rest.s + a, b - a)) {
            char key[8] = {RS_ACRONYM_MARK};
            memcpy(key + 1, rest.s + a, b - a);
            uint32_t node = rs_edge_add(lex, 0, key, b - a + 1);
            rs_add_payload(lex, node, (uint32_t)ld->entry, (uint32_t)line, 1, lang);
            lex->n_names++;
        } else {
            rs_tokenize(rest.s, a, b, lang, &lex->scratch);
            if (lex->scratch.n == 0)
                rs_problem(ld, line, "name has no words", rest.s + a, b - a);
            else
                rs_insert_variants(lex, &lex->scratch, 0, 0, 1, (uint32_t)ld->entry, (uint32_t)line, lang);
            lex->n_names++;
        }
        i = j + 1;
    }
}

static const char *const rs_name_langs[] = {"fa", "ar", "en", "ps", "ur"};

static void rs_read_cameo(rs_loader *ld, rs_field rest, size_t line)
{
    rs_field c = rs_next_word(&rest);
    int digits = c.len >= 2 && c.len <= 4;
    for (size_t i = 0; digits && i < c.len; i++)
        digits = c.s[i] >= '0' && c.s[i] <= '9';
    if (!digits) {
        rs_problem(ld, line, "malformed CAMEO code (2 to 4 digits)", c.s, c.len);
        return;
    }
    memcpy(ld->lex->entries[ld->entry].cameo, c.s, c.len);
}

static const char *const rs_modality_names[] = {"asserted", "intended", "negated", "hypothetical", "claimed"};

const char *rs_modality_name(int modality)
{
    return (unsigned)modality < sizeof rs_modality_names / sizeof *rs_modality_names ? rs_modality_names[modality]
                                                                                        : "asserted";
}

static void rs_read_modality(rs_loader *ld, rs_field rest, size_t line)
{
    rs_field m = rs_next_word(&rest);
    for (size_t k = 1; k < sizeof rs_modality_names / sizeof *rs_modality_names; k++)
        if (rs_word_is(m, rs_modality_names[k])) {
            ld->lex->entries[ld->entry].modality = (uint8_t)k;
            return;
        }
    rs_problem(ld, line, "unknown modality (want intended, negated, hypothetical or claimed)", m.s, m.len);
}

/* "target after w1 | w2": the words, normalised, kept as "|w1|w2|". */
static void rs_read_markers(rs_loader *ld, rs_field which, rs_field rest, size_t line)
{
    rs_lexicon *lex = ld->lex;
    rs_field after = rs_next_word(&rest);
    if (!rs_word_is(after, "after") || rest.len == 0) {
        rs_problem(ld, line, "want: target after WORD | WORD, or source after ...", which.s, which.len);
        return;
    }
    rs_buf words;
    rs_buf_init(&words);
    rs_buf_putc(&words, '|');
    size_t i = 0;
    while (i < rest.len) {
        size_t j = i;
        while (j < rest.len && rest.s[j] != '|')
            j++;
        size_t before = words.len;
        rs_normalize(rest.s + i, j - i, &words);
        if (words.len > before)
            rs_buf_putc(&words, '|');
        i = j + 1;
    }
    uint32_t off = rs_intern(lex, words.data, words.len);
    rs_buf_free(&words);
    if (which.s[0] == 't')
        lex->entries[ld->entry].target_after = off;
    else
        lex->entries[ld->entry].source_after = off;
}

static void rs_read_place(rs_loader *ld, rs_field rest, size_t line)
{
    rs_field lat = rs_next_word(&rest), lon = rs_next_word(&rest);
    char a[32], b[32];
    snprintf(a, sizeof a, "%.*s", (int)(lat.len < 31 ? lat.len : 31), lat.s);
    snprintf(b, sizeof b, "%.*s", (int)(lon.len < 31 ? lon.len : 31), lon.s);
    char *end_a, *end_b;
    double y = strtod(a, &end_a), x = strtod(b, &end_b);
    if (!lat.len || !lon.len || *end_a || *end_b || y < -90 || y > 90 || x < -180 || x > 180) {
        rs_problem(ld, line, "malformed coordinates (want: at LAT LON, decimal degrees)", lat.s, lat.len + lon.len + 1);
        return;
    }
    rs_entry *e = &ld->lex->entries[ld->entry];
    e->lat = (float)y;
    e->lon = (float)x;
    e->has_place = 1;
}

static void rs_read_entry_line(rs_loader *ld, rs_field word, rs_field rest, size_t line)
{
    rs_entry *e = &ld->lex->entries[ld->entry];
    for (size_t k = 0; k < sizeof rs_name_langs / sizeof *rs_name_langs; k++)
        if (rs_word_is(word, rs_name_langs[k])) {
            rs_read_names(ld, rs_lang_from_code(rs_name_langs[k]), rest, line);
            return;
        }
    if (rs_word_is(word, "code")) {
        rs_read_code(ld, rest, line);
    } else if (rs_word_is(word, "cameo")) {
        rs_read_cameo(ld, rest, line);
    } else if (rs_word_is(word, "modality")) {
        rs_read_modality(ld, rest, line);
    } else if (rs_word_is(word, "target") || rs_word_is(word, "source")) {
        rs_read_markers(ld, word, rest, line);
    } else if (rs_word_is(word, "country")) {
        rs_field c = rs_next_word(&rest);
        if (c.len != 3 || !rs_code_shape(c.s, 3))
            rs_problem(ld, line, "malformed country (three capitals)", c.s, c.len);
        else
            memcpy(e->country, c.s, 3);
    } else if (rs_word_is(word, "at")) {
        rs_read_place(ld, rest, line);
    } else if (rs_word_is(word, "role")) {
        rs_field role = rs_next_word(&rest);
        if (role.len != 3 || !rs_code_shape(role.s, 3))
            rs_problem(ld, line, "malformed role (three capitals)", role.s, role.len);
        else
            memcpy(e->role, role.s, 3), e->is_agent = 1;
    } else if (rs_word_is(word, "kind")) {
        rs_field kind = rs_next_word(&rest);
        static const char *const place_kinds[] = {"capital", "province", "city", "district", "crossing", "region"};
        int known = rs_word_is(kind, "state");
        e->is_state |= (uint8_t)known;
        for (size_t k = 0; k < sizeof place_kinds / sizeof *place_kinds; k++)
            known |= rs_word_is(kind, place_kinds[k]);
        if (!known)
            rs_problem(ld, line, "unknown kind (want state, capital, province, city, district, crossing or region)",
                       kind.s, kind.len);
    } else {
        rs_problem(ld, line, "malformed line (want code, role, kind, cameo, modality, target, source, country, at, "
                             "fa, ar, en, ps or ur)", word.s, word.len);
    }
}

static void rs_read_codes_line(rs_loader *ld, rs_field word, rs_field rest, size_t line)
{
    rs_field code = rs_next_word(&rest);
    int root = rs_word_is(word, "root");
    if (!root && !rs_word_is(word, "role") && !rs_word_is(word, "org")) {
        rs_problem(ld, line, "malformed line (want root, role or org)", word.s, word.len);
        return;
    }
    if (code.len != 3 || !rs_code_shape(code.s, 3)) {
        rs_problem(ld, line, "malformed code (three capitals)", code.s, code.len);
        return;
    }
    rs_add_code_word(ld->lex, root, code.s);
}

static void rs_load_line(void *ctx, const char *s, size_t len, size_t line)
{
    rs_loader *ld = ctx;
    rs_field rest = {s, len};
    if (s[0] == '=') {
        rs_field label = {s + 1, len - 1};
        if (rs_next_word(&(rs_field){label.s, label.len}).len == 0)
            rs_problem(ld, line, "entry has no label", "", 0);
        rs_new_entry(ld, label, line);
        return;
    }
    rs_field word = rs_next_word(&rest);
    const char *base = strrchr(ld->file, '/');
    if (strcmp(base ? base + 1 : ld->file, "codes.txt") == 0)
        rs_read_codes_line(ld, word, rest, line);
    else if (ld->entry < 0)
        rs_problem(ld, line, "line outside an entry (start one with = LABEL)", s, len);
    else
        rs_read_entry_line(ld, word, rest, line);
}

static size_t rs_load_text(rs_lexicon *lex, const char *file, const char *data, size_t size, int user, FILE *report)
{
    rs_loader ld = {lex, file, 0, user, report, 0, -1};
    ld.file_off = rs_intern(lex, file, strlen(file));
    ld.file = lex->strings.data + ld.file_off;
    /* strings may move while loading: keep the name in a copy. */
    char *name = malloc(strlen(file) + 1);
    strcpy(name, file);
    ld.file = name;
    rs_data_each_line((const unsigned char *)data, size, rs_load_line, &ld);
    free(name);
    return ld.problems;
}

/* ------------------------------------------------------------ checks */

static int rs_overlap(const rs_code_span *a, const rs_code_span *b)
{
    return a->from <= b->to && b->from <= a->to;
}

/* Event patterns need a known CAMEO code (cue entries a modality);
 * places a country and coordinates. */
static size_t rs_check_other(rs_lexicon *lex, const rs_entry *e, FILE *out)
{
    const char *file = lex->strings.data + e->file;
    const char *what = NULL;
    if (lex->set == RS_SET_EVENTS && !e->modality && !e->cameo[0])
        what = "pattern entry has no cameo line";
    else if (lex->set == RS_SET_EVENTS && e->cameo[0] && !rs_cameo_find(e->cameo))
        what = "unknown CAMEO code (not in dict/cameo.txt)";
    else if (lex->set == RS_SET_PLACES && (!e->country[0] || !e->has_place))
        what = "place has no country or no coordinates";
    else if (e->n_codes || e->is_agent)
        what = "code and role lines belong in the actor dictionaries";
    if (!what)
        return 0;
    rs_report(lex, out, "%s:%u: %s%s%s\n", file, e->line, what, e->cameo[0] ? ": " : "", e->cameo);
    return 1;
}

static size_t rs_check_entry(rs_lexicon *lex, const rs_entry *e, FILE *out)
{
    if (lex->set != RS_SET_ACTORS)
        return rs_check_other(lex, e, out);
    size_t problems = 0;
    const char *file = lex->strings.data + e->file;
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const rs_code_span *a = &lex->codes[e->first_code + i];
        if (!rs_code_known(lex, a->code)) {
            problems++;
            rs_report(lex, out, "%s:%u: unknown code: %s\n", file, a->line, a->code);
        }
        for (uint32_t k = i + 1; k < e->n_codes; k++) {
            const rs_code_span *b = &lex->codes[e->first_code + k];
            if (a->ranged && b->ranged && rs_overlap(a, b)) {
                problems++;
                rs_report(lex, out, "%s:%u: date range overlaps line %u\n", file, b->line, a->line);
            }
        }
    }
    if (!e->is_agent && e->n_codes == 0) {
        problems++;
        rs_report(lex, out, "%s:%u: entry has no code\n", file, e->line);
    }
    if (e->is_agent && e->n_codes) {
        problems++;
        rs_report(lex, out, "%s:%u: a role noun has a role, not a code\n", file, e->line);
    }
    return problems;
}

/* The code of entry e on day (YYYYMMDD): a ranged code covering the day,
 * else the entry's default, else NULL. */
const char *rs_lexicon_code_on(const rs_lexicon *lex, int entry, int32_t day);

const char *rs_lexicon_code_on(const rs_lexicon *lex, int entry, int32_t day)
{
    const rs_entry *e = &lex->entries[entry];
    const char *fallback = NULL, *latest = NULL;
    int32_t latest_from = -1;
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const rs_code_span *c = &lex->codes[e->first_code + i];
        if (!c->ranged)
            fallback = c->code;
        else if (day >= 0 && c->from <= day && day <= c->to)
            return c->code;
        else if (c->from > latest_from)
            latest = c->code, latest_from = c->from;
    }
    return fallback ? fallback : day < 0 ? latest : NULL;
}

/* Two entries whose codes differ on a day both cover. */
static int rs_codes_clash(const rs_lexicon *lex, const rs_entry *a, const rs_entry *b)
{
    for (uint32_t i = 0; i < a->n_codes; i++)
        for (uint32_t k = 0; k < b->n_codes; k++) {
            const rs_code_span *x = &lex->codes[a->first_code + i], *y = &lex->codes[b->first_code + k];
            if (rs_overlap(x, y) && strcmp(x->code, y->code) != 0)
                return 1;
        }
    return 0;
}

/* One name written for two entries that resolve differently on some day. */
static size_t rs_check_names(rs_lexicon *lex, FILE *out)
{
    size_t problems = 0;
    for (size_t node = 0; node < lex->n_nodes; node++) {
        for (uint32_t p = lex->node_payload[node]; p != RS_NO_NODE; p = lex->payloads[p].next) {
            const rs_payload *a = &lex->payloads[p];
            const rs_entry *ea = &lex->entries[a->entry];
            if (!a->exact || ea->is_agent)
                continue;
            for (uint32_t q = a->next; q != RS_NO_NODE; q = lex->payloads[q].next) {
                const rs_payload *b = &lex->payloads[q];
                const rs_entry *eb = &lex->entries[b->entry];
                if (!b->exact || eb->is_agent || ea->user != eb->user || a->lang != b->lang ||
                    (!ea->user && !lex->report_bundled) || !rs_codes_clash(lex, ea, eb))
                    continue;
                problems++;
                rs_report(lex, out, "%s:%u: name also written for '%s' (%s:%u) with a different code on the same dates\n",
                            lex->strings.data + ea->file, a->line, lex->strings.data + eb->label,
                            lex->strings.data + eb->file, b->line);
            }
        }
    }
    return problems;
}

static size_t rs_check_all(rs_lexicon *lex, FILE *out)
{
    /* Each state's entry makes its code a known root. */
    for (size_t i = 0; i < lex->n_entries; i++)
        if (lex->entries[i].is_state && lex->entries[i].n_codes)
            rs_add_code_word(lex, 1, lex->codes[lex->entries[i].first_code].code);
    size_t problems = 0;
    for (size_t i = 0; i < lex->n_entries; i++)
        if (lex->entries[i].user || lex->report_bundled)
            problems += rs_check_entry(lex, &lex->entries[i], out);
    return problems + rs_check_names(lex, out);
}

/* ------------------------------------------------------------ loading */

static int rs_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int rs_is_user_dict_name(const char *name)
{
    /* These have formats of their own. */
    static const char *const others[] = {"furniture.txt", "dates.txt", "cameo.txt", "lightverbs.txt", "places.txt"};
    size_t n = strlen(name);
    if (n <= 4 || strcmp(name + n - 4, ".txt") != 0 || name[0] == '.')
        return 0;
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        if (strcmp(name, others[i]) == 0)
            return 0;
    return 1;
}

/* Loads the user's dictionaries: codes.txt first, then the other *.txt
 * files in name order. Returns problems, or (size_t)-1. */
static size_t rs_load_user_dir(rs_lexicon *lex, const char *dir, FILE *report)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (report)
            fprintf(report, "%s: cannot read the dictionary folder\n", dir);
        return (size_t)-1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!rs_is_user_dict_name(de->d_name))
            continue;
        names = rs_grow_array(names, &cap, n + 1, sizeof *names);
        names[n] = malloc(strlen(de->d_name) + 1);
        strcpy(names[n++], de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, rs_cmp_str);
    size_t problems = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            if ((strcmp(names[i], "codes.txt") == 0) != (pass == 0))
                continue;
            size_t len = strlen(dir) + strlen(names[i]) + 2, size = 0;
            char *path = malloc(len);
            snprintf(path, len, "%s/%s", dir, names[i]);
            FILE *f = fopen(path, "rb");
            rs_buf data;
            rs_buf_init(&data);
            char chunk[65536];
            size_t got;
            while (f && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
                rs_buf_append(&data, chunk, got);
            if (f)
                fclose(f);
            size = data.len;
            problems += rs_load_text(lex, path, data.data ? data.data : "", size, 1, report);
            rs_buf_free(&data);
            free(path);
        }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return problems;
}

/* Builds the lexicon from the bundled files and user_dir's. Problems go
 * to report; those of the bundled files only when report_bundled is set
 * (at run time they are the linter's business, not the user's). */
extern const struct rs_data_file rs_events_files[];
extern const size_t rs_events_files_count;
extern const struct rs_data_file rs_places_files[];
extern const size_t rs_places_files_count;

/* The bundled files of each set. */
static const struct rs_data_file *rs_set_files(int set, size_t *count)
{
    switch (set) {
    case RS_SET_EVENTS:
        *count = rs_events_files_count;
        return rs_events_files;
    case RS_SET_PLACES:
        *count = rs_places_files_count;
        return rs_places_files;
    default:
        *count = rs_lexicon_files_count;
        return rs_lexicon_files;
    }
}

static rs_lexicon *rs_lexicon_new(int set)
{
    rs_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        abort();
    rs_buf_init(&lex->strings);
    rs_tokens_init(&lex->scratch);
    rs_new_node(lex);
    lex->set = set;
    return lex;
}

/* Builds the lexicon of a set from its bundled files and (for actors)
 * user_dir's. Problems go to report; those of the bundled files only when
 * report_bundled is set (at run time they are the linter's business). */
static rs_lexicon *rs_lexicon_build(int set, const char *user_dir, FILE *report, int report_bundled,
                                    size_t *problems)
{
    rs_lexicon *lex = rs_lexicon_new(set);
    lex->report_bundled = report_bundled;
    /* At run time a large imported dictionary could bury the output. */
    lex->report_limit = report_bundled ? 0 : 20;
    *problems = 0;
    size_t count;
    const struct rs_data_file *files = rs_set_files(set, &count);
    for (size_t i = 0; i < count; i++) {
        char name[256];
        snprintf(name, sizeof name, "dict/%s", files[i].name);
        *problems += rs_load_text(lex, name, (const char *)files[i].data, files[i].size, 0,
                                  report_bundled ? report : NULL);
    }
    if (user_dir) {
        size_t more = rs_load_user_dir(lex, user_dir, report);
        if (more == (size_t)-1) {
            rs_lexicon_free(lex);
            *problems = more;
            return NULL;
        }
        *problems += more;
    }
    *problems += rs_check_all(lex, report);
    if (lex->suppressed && report)
        fprintf(report, "%s: %zu more problems; rasad dict check %s lists them all\n", user_dir, lex->suppressed,
                user_dir);
    return lex;
}

rs_lexicon *rs_lexicon_load(const char *user_dir, FILE *errors)
{
    size_t problems;
    return rs_lexicon_build(RS_SET_ACTORS, user_dir, errors ? errors : stderr, 0, &problems);
}

rs_lexicon *rs_lexicon_load_set(int set)
{
    size_t problems;
    return rs_lexicon_build(set, NULL, NULL, 0, &problems);
}

rs_lexicon *rs_lexicon_from_text(const char *data, size_t size, FILE *report)
{
    rs_lexicon *lex = rs_lexicon_new(RS_SET_ACTORS);
    lex->report_bundled = 1;
    rs_load_text(lex, "<text>", data, size, 1, report);
    rs_check_all(lex, report);
    return lex;
}

size_t rs_lexicon_lint(const char *user_dir, FILE *out)
{
    size_t problems, total = 0;
    for (int set = RS_SET_ACTORS; set <= RS_SET_PLACES; set++) {
        rs_lexicon *lex = rs_lexicon_build(set, set == RS_SET_ACTORS ? user_dir : NULL, out, 1, &problems);
        rs_lexicon_free(lex);
        if (problems == (size_t)-1)
            return problems;
        total += problems;
    }
    return total;
}

void rs_lexicon_free(rs_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->entries);
    free(lex->codes);
    rs_buf_free(&lex->strings);
    free(lex->roots);
    free(lex->parts);
    free(lex->edges);
    free(lex->filter);
    free(lex->node_payload);
    free(lex->payloads);
    rs_tokens_free(&lex->scratch);
    free(lex);
}

size_t rs_lexicon_entries(const rs_lexicon *lex)
{
    return lex->n_entries;
}

size_t rs_lexicon_names(const rs_lexicon *lex)
{
    return lex->n_names;
}

const char *rs_lexicon_label(const rs_lexicon *lex, int entry)
{
    return lex->strings.data + lex->entries[entry].label;
}

const char *rs_lexicon_origin(const rs_lexicon *lex, int entry, size_t *line)
{
    *line = lex->entries[entry].line;
    return lex->strings.data + lex->entries[entry].file;
}

/* ------------------------------------------------------------ for actors.c */

int rs_lexicon_is_agent(const rs_lexicon *lex, int entry, char role[4]);
int rs_lexicon_is_state(const rs_lexicon *lex, int entry);
int rs_lexicon_is_user(const rs_lexicon *lex, int entry);

int rs_lexicon_payload(const rs_lexicon *lex, uint32_t node, uint32_t *cursor)
{
    uint32_t p = *cursor == 0 ? lex->node_payload[node] : lex->payloads[*cursor - 1].next;
    if (p == RS_NO_NODE)
        return -1;
    *cursor = p + 1;
    return (int)lex->payloads[p].entry;
}

int rs_lexicon_payload_exact(const rs_lexicon *lex, uint32_t cursor)
{
    return cursor ? lex->payloads[cursor - 1].exact : 0;
}

int rs_lexicon_payload_lang(const rs_lexicon *lex, uint32_t cursor)
{
    return cursor ? lex->payloads[cursor - 1].lang : RS_LANG_UNKNOWN;
}

int rs_lexicon_is_agent(const rs_lexicon *lex, int entry, char role[4])
{
    const rs_entry *e = &lex->entries[entry];
    if (e->is_agent && role)
        memcpy(role, e->role, 4);
    return e->is_agent;
}

int rs_lexicon_is_state(const rs_lexicon *lex, int entry)
{
    return lex->entries[entry].is_state;
}

int rs_lexicon_is_user(const rs_lexicon *lex, int entry)
{
    return lex->entries[entry].user;
}

const char *rs_lexicon_cameo(const rs_lexicon *lex, int entry)
{
    return lex->entries[entry].cameo;
}

int rs_lexicon_modality(const rs_lexicon *lex, int entry)
{
    return lex->entries[entry].modality;
}

const char *rs_lexicon_markers(const rs_lexicon *lex, int entry, int target)
{
    uint32_t off = target ? lex->entries[entry].target_after : lex->entries[entry].source_after;
    return off ? lex->strings.data + off : NULL;
}

int rs_lexicon_place(const rs_lexicon *lex, int entry, char country[4], float *lat, float *lon)
{
    const rs_entry *e = &lex->entries[entry];
    if (!e->has_place)
        return 0;
    memcpy(country, e->country, 4);
    *lat = e->lat;
    *lon = e->lon;
    return 1;
}
