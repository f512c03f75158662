/*
 * actors.c - finding actors in a sentence: the longest dictionary name at
 * each token, its code on the document's date, and role nouns composed with
 * the state beside them ("وزیر خارجه پاکستان" is PAKGOV, "الجيش
 * الباكستاني" PAKMIL, "Pakistan's army" PAKMIL).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* How many plain words may stand between a role noun and its state:
 * "سفیر فوق‌العاده و تام‌الاختیار آذربایجان". */
#define RS_MAX_GAP 3
#define RS_MAX_NAME_TOKENS 12

int rs_lexicon_is_agent(const rs_lexicon *lex, int entry, char role[4]);
int rs_lexicon_is_state(const rs_lexicon *lex, int entry);
int rs_lexicon_is_user(const rs_lexicon *lex, int entry);
const char *rs_lexicon_code_on(const rs_lexicon *lex, int entry, int32_t day);

/* A name found in the sentence, before composition. */
typedef struct rs_match {
    size_t first, last; /* token indices, inclusive */
    int entry;
    const char *code;   /* for actors; NULL for role nouns */
    char role[4];       /* for role nouns */
    int used;           /* composed into another mention */
} rs_match;

static const char *const rs_primary_roles[] = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB",
                                               "OPP", "CVL", "MED", "BUS", "ELI", "REF"};

/* Definite nouns that stand for a group or a state named earlier in the
 * story: the Taliban are "این گروه", "الحركة", "the group" a sentence
 * later, and Qatar "این کشور", "هذا البلد", "the country". */
static const rs_word rs_group_anaphors_one[] = {RS_WORD("الحرکه"), RS_WORD("الجماعه"), RS_WORD("التنظیم")};
static const rs_word rs_state_anaphors_one[] = {RS_WORD("البلاد")};
static const rs_word rs_anaphor_determiners[] = {RS_WORD("این"), RS_WORD("ان"), RS_WORD("the"), RS_WORD("هذا"),
                                                 RS_WORD("هذه")};
static const rs_word rs_group_nouns[] = {RS_WORD("گروه"), RS_WORD("جنبش"), RS_WORD("group"), RS_WORD("movement")};
static const rs_word rs_state_nouns[] = {RS_WORD("کشور"), RS_WORD("country"), RS_WORD("البلد")};

/* Words that end the search for a role noun's state: a state after them
 * is the place or the other party, not the role noun's own ("سفیر چین در
 * کابل", "met with"). */
static const rs_word rs_gap_breakers[] = {
    RS_WORD("در"), RS_WORD("به"), RS_WORD("از"), RS_WORD("با"), RS_WORD("برای"), RS_WORD("تا"),
    RS_WORD("که"), RS_WORD("را"), RS_WORD("و"), RS_WORD("یا"), RS_WORD("بر"),
    /* "وزارت خارجه کشورمان": the role noun's own state, unnamed. */
    RS_WORD("کشورمان"), RS_WORD("کشورش"), RS_WORD("کشورشان"), RS_WORD("بلادنا"), RS_WORD("بلاده"),
    RS_WORD("بلادها"),
    RS_WORD("فی"), RS_WORD("من"), RS_WORD("الی"), RS_WORD("علی"), RS_WORD("عن"), RS_WORD("مع"), RS_WORD("لدی"),
    RS_WORD("in"), RS_WORD("at"), RS_WORD("to"), RS_WORD("from"), RS_WORD("with"), RS_WORD("for"), RS_WORD("by"),
    RS_WORD("and"), RS_WORD("or"), RS_WORD("on"), RS_WORD("said"), RS_WORD("says"),
};

void rs_actors_init(rs_actors *list)
{
    memset(list, 0, sizeof *list);
    rs_tokens_init(&list->tokens);
    rs_dates_init(&list->dates);
}

void rs_actors_free(rs_actors *list)
{
    free(list->items);
    rs_tokens_free(&list->tokens);
    rs_dates_free(&list->dates);
    memset(list, 0, sizeof *list);
}

/* ------------------------------------------------------------ matching */

typedef struct rs_walk {
    const rs_lexicon *lex;
    const char *text;
    const rs_tokens *t;
    size_t best_last;
    uint32_t best_node;
} rs_walk;

static int rs_node_has_payload(const rs_lexicon *lex, uint32_t node)
{
    uint32_t cursor = 0;
    return rs_lexicon_payload(lex, node, &cursor) >= 0;
}

/* Follows token i from node by its stem and by its normalised form,
 * remembering the longest path that ends at a name. */
static void rs_walk_from(rs_walk *w, uint32_t node, size_t i, size_t depth)
{
    if (i >= w->t->n || depth >= RS_MAX_NAME_TOKENS)
        return;
    const rs_token *tok = &w->t->items[i];
    if (tok->kind == RS_TOKEN_PUNCT && depth == 0)
        return;
    const char *pool = w->t->pool.data;
    if (depth == 0 && rs_is_acronym(w->text + tok->start, tok->end - tok->start)) {
        char key[8] = {RS_ACRONYM_MARK};
        memcpy(key + 1, w->text + tok->start, tok->end - tok->start);
        uint32_t child = rs_lexicon_step(w->lex, node, key, tok->end - tok->start + 1);
        if (child != RS_NO_NODE && rs_node_has_payload(w->lex, child)) {
            w->best_last = i;
            w->best_node = child;
        }
    }
    uint32_t keys[2][2] = {{tok->stem_off, tok->stem_len}, {tok->norm_off, tok->norm_len}};
    uint64_t hashes[2] = {tok->stem_hash, tok->norm_hash};
    int n_keys = tok->stem_off == tok->norm_off ? 1 : 2;
    for (int k = 0; k < n_keys; k++) {
        uint32_t child = rs_lexicon_step_hashed(w->lex, node, pool + keys[k][0], keys[k][1], hashes[k]);
        if (child == RS_NO_NODE)
            continue;
        if (rs_node_has_payload(w->lex, child) && (w->best_node == RS_NO_NODE || i > w->best_last)) {
            w->best_last = i;
            w->best_node = child;
        }
        rs_walk_from(w, child, i + 1, depth + 1);
    }
}

/* The entry a node stands for on day: the user's before the bundled, and
 * among those the first that has a code on that day (or is a role noun). */
static int rs_pick_entry(const rs_lexicon *lex, uint32_t node, int32_t day, const char **code)
{
    int best = -1;
    for (int pass = 1; pass >= 0 && best < 0; pass--) {
        uint32_t cursor = 0;
        int e;
        while ((e = rs_lexicon_payload(lex, node, &cursor)) >= 0) {
            if (rs_lexicon_is_user(lex, e) != pass)
                continue;
            const char *c = rs_lexicon_is_agent(lex, e, NULL) ? NULL : rs_lexicon_code_on(lex, e, day);
            if (c || rs_lexicon_is_agent(lex, e, NULL)) {
                best = e;
                *code = c;
                break;
            }
        }
    }
    return best;
}

/* A token covered by a date expression (دوشنبه the weekday, not the city). */
static int rs_inside_date(const rs_dates *dates, const rs_token *a, const rs_token *b)
{
    for (size_t i = 0; i < dates->n; i++)
        if (dates->items[i].start < b->end && a->start < dates->items[i].end)
            return 1;
    return 0;
}

/* Whether an actor entry comes from a dictionary file whose name holds
 * part ("organisations": groups; "people": persons). */
static int rs_actor_from_file(const rs_lexicon *lex, int entry, const char *part)
{
    size_t line;
    const char *file = entry >= 0 ? rs_lexicon_origin(lex, entry, &line) : NULL;
    return file && strstr(file, part) != NULL;
}

/* "المتهم الرئيسي": a one-word name reached through an Arabic word with
 * the article is that word, an adjective or a noun, not the person (رئيسي
 * the surname); names do not take the article. */
static int rs_article_on_name(const rs_lexicon *lex, const rs_tokens *t, size_t first, size_t last, int entry)
{
    return first == last && (t->items[first].affixes & RS_AFFIX_ARTICLE) && rs_actor_from_file(lex, entry, "people");
}

#define RS_IN(w, n, list) rs_word_in(w, n, list, RS_WORD_COUNT(list))

/* A definite noun standing for a group or state named before: "این گروه",
 * "الحركة", "the country". Returns its length in tokens (0 if none) and
 * sets *kind. */
static size_t rs_anaphor_at(const rs_tokens *t, size_t i, int *kind)
{
    const char *w = rs_token_norm(t, &t->items[i]);
    size_t n = t->items[i].norm_len;
    *kind = RS_ANTECEDENT_GROUP;
    if (RS_IN(w, n, rs_group_anaphors_one))
        return 1;
    *kind = RS_ANTECEDENT_STATE;
    if (RS_IN(w, n, rs_state_anaphors_one))
        return 1;
    if (i + 1 >= t->n || !RS_IN(w, n, rs_anaphor_determiners))
        return 0;
    const char *next = rs_token_norm(t, &t->items[i + 1]);
    size_t m = t->items[i + 1].norm_len;
    *kind = RS_ANTECEDENT_GROUP;
    if (RS_IN(next, m, rs_group_nouns))
        return 2;
    *kind = RS_ANTECEDENT_STATE;
    return RS_IN(next, m, rs_state_nouns) ? 2 : 0;
}

int rs_antecedent_kind(const rs_lexicon *lex, int entry)
{
    if (rs_actor_from_file(lex, entry, "organisations"))
        return RS_ANTECEDENT_GROUP;
    return rs_lexicon_is_state(lex, entry) ? RS_ANTECEDENT_STATE : -1;
}

static size_t rs_find_matches(const rs_lexicon *lex, const char *text, const rs_tokens *t, const rs_dates *dates,
                              int32_t day, const rs_actors *list, rs_match *out, size_t cap)
{
    size_t n = 0, i = 0;
    /* What an anaphor stands for: the last group or state named, in this
     * sentence or (from the coder) before it. */
    int last[RS_ANTECEDENT_KINDS];
    for (int k = 0; k < RS_ANTECEDENT_KINDS; k++)
        last[k] = list->has_antecedent[k] ? list->antecedent[k].entry : -1;
    size_t fetched = 0; /* tokens whose root lookups were prefetched */
    while (i < t->n && n < cap) {
        for (; fetched < t->n && fetched < i + RS_PREFETCH_AHEAD; fetched++)
            rs_lexicon_prefetch_token(lex, &t->items[fetched]);
        rs_walk w = {lex, text, t, 0, RS_NO_NODE};
        rs_walk_from(&w, 0, i, 0);
        const char *code = NULL;
        int entry = w.best_node == RS_NO_NODE ? -1 : rs_pick_entry(lex, w.best_node, day, &code);
        int kind = 0;
        size_t anaphor = entry < 0 ? rs_anaphor_at(t, i, &kind) : 0;
        if (anaphor && last[kind] >= 0) {
            /* The code on this sentence's day: the Taliban of 2019 and of
             * 2024 differ. */
            entry = last[kind];
            code = rs_lexicon_code_on(lex, entry, day);
            if (!code && list->has_antecedent[kind] && entry == list->antecedent[kind].entry)
                code = list->antecedent[kind].code;
            w.best_last = i + anaphor - 1;
        } else if (entry >= 0 && rs_antecedent_kind(lex, entry) >= 0) {
            last[rs_antecedent_kind(lex, entry)] = entry;
        }
        if (entry < 0 || rs_inside_date(dates, &t->items[i], &t->items[w.best_last]) ||
            rs_article_on_name(lex, t, i, w.best_last, entry)) {
            i++;
            continue;
        }
        rs_match *m = &out[n++];
        memset(m, 0, sizeof *m);
        m->first = i;
        m->last = w.best_last;
        m->entry = entry;
        m->code = code;
        rs_lexicon_is_agent(lex, entry, m->role);
        i = w.best_last + 1;
    }
    return n;
}

/* ------------------------------------------------------------ composition */

static int rs_is_actor(const rs_match *m)
{
    return m && m->code && !m->used;
}

/* The actor a role noun at m[k] belongs to, in languages that put the
 * noun first (Persian, Arabic): the next actor within a few plain words. */
static rs_match *rs_owner_after(const rs_tokens *t, rs_match *m, size_t n, size_t k)
{
    if (k + 1 >= n || !rs_is_actor(&m[k + 1]))
        return NULL;
    size_t gap = m[k + 1].first - m[k].last - 1;
    if (gap > RS_MAX_GAP)
        return NULL;
    for (size_t i = m[k].last + 1; i < m[k + 1].first; i++) {
        const rs_token *tok = &t->items[i];
        const char *w = t->pool.data + tok->norm_off;
        if (tok->kind != RS_TOKEN_WORD || RS_IN(w, tok->norm_len, rs_gap_breakers))
            return NULL;
    }
    return &m[k + 1];
}

/* English puts the state first ("Pakistani army", "Pakistan's foreign
 * minister"), or after "of" ("the army of Pakistan"). */
static rs_match *rs_owner_english(const rs_tokens *t, rs_match *m, size_t n, size_t k)
{
    if (k > 0 && rs_is_actor(&m[k - 1]) && m[k - 1].last + 1 == m[k].first)
        return &m[k - 1];
    if (k + 1 < n && rs_is_actor(&m[k + 1])) {
        size_t i = m[k].last + 1;
        const char *w = i < t->n ? t->pool.data + t->items[i].norm_off : "";
        if (strcmp(w, "of") == 0) {
            i++;
            if (i < t->n && strcmp(t->pool.data + t->items[i].norm_off, "the") == 0)
                i++;
            if (i == m[k + 1].first)
                return &m[k + 1];
        }
    }
    return NULL;
}

static void rs_role_of(const char *code, char role[4])
{
    size_t len = strlen(code);
    role[0] = '\0';
    for (size_t i = 3; i + 3 <= len; i += 3)
        for (size_t k = 0; k < sizeof rs_primary_roles / sizeof *rs_primary_roles; k++)
            if (memcmp(code + i, rs_primary_roles[k], 3) == 0) {
                memcpy(role, code + i, 3);
                role[3] = '\0';
                return;
            }
}

/* What snprintf(out, size, "%s", code) writes, without formatting: a
 * mention is emitted for every actor of every sentence. */
static void rs_copy_code(char *out, size_t size, const char *code)
{
    size_t n = strnlen(code, size - 1);
    memcpy(out, code, n);
    out[n] = '\0';
}

static void rs_emit(rs_actors *list, const rs_tokens *t, size_t first, size_t last, const char *code, int entry,
                    int agent)
{
    list->items = rs_grow_array(list->items, &list->cap, list->n + 1, sizeof *list->items);
    rs_actor_mention *a = &list->items[list->n++];
    memset(a, 0, sizeof *a);
    a->start = t->items[first].start;
    a->end = t->items[last].end;
    rs_copy_code(a->code, sizeof a->code, code);
    memcpy(a->root, code, 3);
    rs_role_of(code, a->role);
    a->entry = entry;
    a->agent = agent;
}

/* A role noun with no state beside it ("gunmen", "المتظاهرون"): its role
 * is the code, and the root is unknown. */
static void rs_emit_bare(rs_actors *list, const rs_tokens *t, const rs_match *noun)
{
    rs_emit(list, t, noun->first, noun->last, noun->role, noun->entry, noun->entry);
    rs_actor_mention *a = &list->items[list->n - 1];
    a->root[0] = '\0';
    for (size_t k = 0; k < sizeof rs_primary_roles / sizeof *rs_primary_roles; k++)
        if (strcmp(noun->role, rs_primary_roles[k]) == 0)
            memcpy(a->role, noun->role, sizeof a->role);
}

/* A state, or any actor with a bare root, takes the role noun's role
 * (PAK + GOV); any other actor keeps its own code ("وزیر خارجه طالبان" is
 * the Taliban's code). */
static void rs_compose(const rs_lexicon *lex, rs_actors *list, const rs_tokens *t, rs_match *noun, rs_match *owner)
{
    char code[RS_CODE_MAX];
    if (rs_lexicon_is_state(lex, owner->entry) || strlen(owner->code) == 3)
        snprintf(code, sizeof code, "%.3s%s", owner->code, noun->role);
    else
        rs_copy_code(code, sizeof code, owner->code);
    size_t first = noun->first < owner->first ? noun->first : owner->first;
    size_t last = noun->last > owner->last ? noun->last : owner->last;
    rs_emit(list, t, first, last, code, owner->entry, noun->entry);
    noun->used = owner->used = 1;
}

static void rs_compose_all(const rs_lexicon *lex, rs_actors *list, const rs_tokens *t, rs_match *m, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (m[k].code || m[k].used)
            continue;
        /* The noun's own script says which way its language composes, so a
         * mixed document needs no per-sentence language. */
        int latin = (unsigned char)t->pool.data[t->items[m[k].first].norm_off] < 0x80;
        rs_match *owner = latin ? rs_owner_english(t, m, n, k) : rs_owner_after(t, m, n, k);
        if (owner)
            rs_compose(lex, list, t, &m[k], owner);
    }
    for (size_t k = 0; k < n; k++) {
        if (rs_is_actor(&m[k]))
            rs_emit(list, t, m[k].first, m[k].last, m[k].code, m[k].entry, -1);
        else if (list->bare_roles && !m[k].code && !m[k].used && m[k].role[0])
            rs_emit_bare(list, t, &m[k]);
    }
}

static int rs_cmp_mentions(const void *a, const void *b)
{
    const rs_actor_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

size_t rs_actors_find(const rs_lexicon *lex, const char *text, size_t start, size_t end, rs_lang lang,
                      const char *date, rs_actors *list)
{
    return rs_actors_find_with_dates(lex, text, start, end, lang, date, NULL, list);
}

size_t rs_actors_find_with_dates(const rs_lexicon *lex, const char *text, size_t start, size_t end, rs_lang lang,
                                 const char *date, const rs_dates *dates, rs_actors *list)
{
    list->n = 0;
    rs_tokenize(text, start, end, lang, &list->tokens);
    if (!dates) {
        rs_dates_find(text, start, end, date, lang, &list->dates);
        dates = &list->dates;
    }
    int32_t day = date ? rs_ymd(date, strlen(date)) : -1;
    rs_match stack[256];
    size_t cap = sizeof stack / sizeof *stack;
    rs_match *m = list->tokens.n > cap ? malloc(list->tokens.n * sizeof *m) : stack;
    if (!m)
        abort();
    size_t n = rs_find_matches(lex, text, &list->tokens, dates, day, list, m,
                               list->tokens.n > cap ? list->tokens.n : cap);
    rs_compose_all(lex, list, &list->tokens, m, n);
    if (m != stack)
        free(m);
    if (list->n > 1)
        qsort(list->items, list->n, sizeof *list->items, rs_cmp_mentions);
    return list->n;
}
