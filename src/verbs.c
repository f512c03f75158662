/*
 * verbs.c - Persian light verbs (dict/lightverbs.txt): every form of each
 * verb, made from its stems, so that an event pattern "حمایت +کردن"
 * matches حمایت کرد، حمایت می‌کند، حمایت نکردند، حمایت خواهد کرد.
 *
 * Forms are made once, normalised, sorted, and indexed by a hash table:
 * every word of every Persian sentence is looked up.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char rs_data_lightverbs[];
extern const size_t rs_data_lightverbs_size;

typedef struct rs_verb_form {
    char *form;
    size_t len;
    int verb;
    uint8_t negated;
    uint8_t aux;  /* a future auxiliary (خواهد): the next word is the stem */
    uint8_t stem; /* the bare past stem, which follows a future auxiliary */
} rs_verb_form;

static rs_verb_form *rs_forms;
static size_t rs_n_forms, rs_cap_forms;
static char **rs_infinitives;
static size_t rs_n_verbs;
/* Open addressing from each distinct form to its first (sorted) row;
 * slots hold row + 1, 0 is empty. */
static uint32_t *rs_form_index;
/* Hash bits of each slot's form: nearly every word asked about is no verb
 * form, and a probe that compares these reads no rs_forms row or string. */
static uint32_t *rs_form_tags;
static size_t rs_form_mask;
static pthread_once_t rs_verbs_once = PTHREAD_ONCE_INIT;

static const char *const rs_past_endings[] = {"", "م", "ی", "یم", "ید", "ند"};
static const char *const rs_present_endings[] = {"م", "ی", "د", "یم", "ید", "ند"};
static const char *const rs_perfect_endings[] = {"", "ام", "ای", "است", "ایم", "اید", "اند"};

static void rs_add_form(const char *form, int verb, int negated, int aux, int stem)
{
    if (rs_n_forms == rs_cap_forms) {
        rs_cap_forms = rs_cap_forms ? rs_cap_forms * 2 : 1024;
        rs_forms = realloc(rs_forms, rs_cap_forms * sizeof *rs_forms);
        if (!rs_forms)
            abort();
    }
    rs_verb_form *f = &rs_forms[rs_n_forms++];
    f->len = strlen(form);
    f->form = malloc(f->len + 1);
    if (!f->form)
        abort();
    memcpy(f->form, form, f->len + 1);
    f->verb = verb;
    f->negated = (uint8_t)negated;
    f->aux = (uint8_t)aux;
    f->stem = (uint8_t)stem;
}

static int rs_starts_with_alef(const char *s)
{
    return strncmp(s, "ا", 2) == 0;
}

static int rs_ends_with_vowel(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && (strcmp(s + n - 2, "ا") == 0 || strcmp(s + n - 2, "و") == 0);
}

/* prefix + stem + ending, with the glide ی where Persian writes one:
 * نیامد (ن + آمد), بیاید, نماید (نما + د). */
static void rs_add_joined(const char *prefix, const char *stem, const char *ending, int verb, int negated, int aux)
{
    char form[128];
    const char *glide_front = prefix[0] && rs_starts_with_alef(stem) && strcmp(prefix, "می") != 0 &&
                                      strcmp(prefix, "نمی") != 0
                                  ? "ی"
                                  : "";
    const char *glide_back = ending[0] && rs_ends_with_vowel(stem) && strncmp(ending, "ا", 2) != 0 ? "ی" : "";
    snprintf(form, sizeof form, "%s%s%s%s%s", prefix, glide_front, stem, glide_back, ending);
    rs_add_form(form, verb, negated, aux, 0);
}

static void rs_add_past_forms(const char *past, int verb)
{
    static const char *const prefixes[][2] = {{"", ""}, {"ن", "1"}, {"می", ""}, {"نمی", "1"}};
    for (size_t p = 0; p < 4; p++)
        for (size_t e = 0; e < sizeof rs_past_endings / sizeof *rs_past_endings; e++)
            rs_add_joined(prefixes[p][0], past, rs_past_endings[e], verb, prefixes[p][1][0] == '1', 0);
    char participle[128];
    for (size_t neg = 0; neg < 2; neg++)
        for (size_t e = 0; e < sizeof rs_perfect_endings / sizeof *rs_perfect_endings; e++) {
            snprintf(participle, sizeof participle, "%sه", past);
            rs_add_joined(neg ? "ن" : "", participle, rs_perfect_endings[e], verb, (int)neg, 0);
        }
}

static void rs_add_present_forms(const char *present, int verb, int is_aux)
{
    static const char *const prefixes[][2] = {{"", ""}, {"ن", "1"}, {"می", ""}, {"نمی", "1"}, {"ب", ""}};
    for (size_t p = 0; p < 5; p++)
        for (size_t e = 0; e < sizeof rs_present_endings / sizeof *rs_present_endings; e++)
            /* The bare and negated present of خواستن is the future's auxiliary. */
            rs_add_joined(prefixes[p][0], present, rs_present_endings[e], verb, prefixes[p][1][0] == '1',
                          is_aux && p < 2);
}

/* The copula's present stands bare in the third person: است، هست، نیست,
 * and with the plural ending: هستند، نیستند. */
static void rs_add_copula_forms(const char *present, int verb)
{
    if (strcmp(present, "است") == 0) {
        rs_add_form("است", verb, 0, 0, 0);
    } else if (strcmp(present, "هست") == 0) {
        rs_add_form("هست", verb, 0, 0, 0);
        rs_add_form("هستند", verb, 0, 0, 0);
        rs_add_form("نیست", verb, 1, 0, 0);
        rs_add_form("نیستند", verb, 1, 0, 0);
    }
}

/* A whole word of the file, normalised, as a new string. */
static char *rs_word_at(const char *s, size_t len, size_t *i)
{
    while (*i < len && (s[*i] == ' ' || s[*i] == '\t'))
        (*i)++;
    size_t a = *i;
    while (*i < len && s[*i] != ' ' && s[*i] != '\t')
        (*i)++;
    return *i > a ? rs_normalize_dup(s + a, *i - a) : NULL;
}

static void rs_load_verb(void *ctx, const char *line, size_t len, size_t number)
{
    (void)ctx;
    (void)number;
    size_t i = 0;
    char *kind = rs_word_at(line, len, &i);
    char *inf = rs_word_at(line, len, &i);
    char *past = rs_word_at(line, len, &i);
    if (kind && inf && past && strcmp(kind, "verb") == 0) {
        int verb = (int)rs_n_verbs++;
        rs_infinitives = realloc(rs_infinitives, rs_n_verbs * sizeof *rs_infinitives);
        rs_infinitives[verb] = inf;
        inf = NULL;
        rs_add_past_forms(past, verb);
        rs_add_form(past, verb, 0, 0, 1);
        char *present;
        int is_aux = strcmp(rs_infinitives[verb], "خواستن") == 0;
        while ((present = rs_word_at(line, len, &i)) != NULL) {
            rs_add_present_forms(present, verb, is_aux);
            rs_add_copula_forms(present, verb);
            free(present);
        }
    }
    free(kind);
    free(inf);
    free(past);
}

static int rs_form_cmp(const void *a, const void *b)
{
    const rs_verb_form *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    /* The auxiliary reading sorts first so that lookups see it. */
    return c ? c : (int)y->aux - (int)x->aux;
}

/* The slot of form s: its row's, or the empty one where it would go. */
static uint32_t rs_form_tag(uint64_t h)
{
    return (uint32_t)(h >> 32);
}

/* The slot of the form s, or the empty slot where it would go. */
static size_t rs_form_slot(const char *s, size_t len, uint64_t h)
{
    size_t at = h & rs_form_mask;
    while (rs_form_index[at]) {
        const rs_verb_form *f = &rs_forms[rs_form_index[at] - 1];
        if (rs_form_tags[at] == rs_form_tag(h) && f->len == len && rs_same_bytes(f->form, s, len))
            break;
        at = (at + 1) & rs_form_mask;
    }
    return at;
}

static void rs_load_verbs(void)
{
    rs_data_each_line(rs_data_lightverbs, rs_data_lightverbs_size, rs_load_verb, NULL);
    qsort(rs_forms, rs_n_forms, sizeof *rs_forms, rs_form_cmp);
    size_t size = 64;
    while (size < rs_n_forms * 2)
        size *= 2;
    rs_form_index = calloc(size, sizeof *rs_form_index);
    rs_form_tags = calloc(size, sizeof *rs_form_tags);
    if (!rs_form_index || !rs_form_tags)
        abort();
    rs_form_mask = size - 1;
    for (size_t i = 0; i < rs_n_forms; i++) {
        uint64_t h = rs_word_hash(rs_forms[i].form, rs_forms[i].len);
        size_t at = rs_form_slot(rs_forms[i].form, rs_forms[i].len, h);
        if (!rs_form_index[at]) {
            rs_form_index[at] = (uint32_t)i + 1;
            rs_form_tags[at] = rs_form_tag(h);
        }
    }
}

int rs_light_verb_index(const char *infinitive, size_t len)
{
    pthread_once(&rs_verbs_once, rs_load_verbs);
    for (size_t v = 0; v < rs_n_verbs; v++)
        if (strlen(rs_infinitives[v]) == len && memcmp(rs_infinitives[v], infinitive, len) == 0)
            return (int)v;
    return -1;
}

const char *rs_light_verb_name(int verb)
{
    pthread_once(&rs_verbs_once, rs_load_verbs);
    return verb >= 0 && (size_t)verb < rs_n_verbs ? rs_infinitives[verb] : NULL;
}

size_t rs_light_verb_forms(const char *word, size_t len, uint64_t hash, rs_verb_fn fn, void *ctx)
{
    pthread_once(&rs_verbs_once, rs_load_verbs);
    uint32_t row = rs_form_index[rs_form_slot(word, len, hash)];
    if (!row)
        return 0;
    size_t n = 0;
    for (size_t i = row - 1; i < rs_n_forms && rs_forms[i].len == len && rs_same_bytes(rs_forms[i].form, word, len);
         i++, n++)
        fn(ctx, rs_forms[i].verb, rs_forms[i].negated, rs_forms[i].aux, rs_forms[i].stem);
    return n;
}

size_t rs_lightverbs_lint(const char *name, const char *data, size_t size, FILE *out)
{
    size_t problems = 0, number = 0, i = 0;
    while (i < size) {
        const char *nl = memchr(data + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - data) : size;
        size_t a = i, words = 0;
        number++;
        while (a < end && (data[a] == ' ' || data[a] == '\t'))
            a++;
        int comment = a < end && data[a] == '#';
        for (size_t k = a; !comment && k < end; k++)
            words += (data[k] != ' ' && data[k] != '\t' && data[k] != '\r') &&
                     (k == a || data[k - 1] == ' ' || data[k - 1] == '\t');
        if (!comment && words && (words < 4 || strncmp(data + a, "verb ", 5) != 0)) {
            fprintf(out, "%s:%zu: want: verb INFINITIVE PAST-STEM PRESENT-STEM...: %.*s\n", name, number,
                    (int)(end - a), data + a);
            problems++;
        }
        i = end + 1;
    }
    return problems;
}
