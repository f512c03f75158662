/*
 * furniture.c - dropping page furniture: what a scraped news page carries
 * besides the article (share buttons, "Read More", agency metadata, menus
 * and lists of related headlines).
 *
 * Two kinds of rule work together. Known phrases come from the data file
 * dict/furniture.txt, which analysts extend without touching C. Layout rules
 * catch what no list can: a run of short unpunctuated labels is a menu, and
 * the unpunctuated lines after an article's last sentence are a list of
 * headlines. A dateline or a photo caption is neither, so it is kept.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Lines longer than this, or punctuated as a sentence and longer than
 * RS_SENTENCE_WORDS, are article text: no rule looks at them. */
#define RS_FURNITURE_MAX_BYTES 400
#define RS_SENTENCE_WORDS 12
/* A menu label or a related headline is at most this many words, and so
 * is each part of a breadcrumb ("Home > World > Asia") and a byline. */
#define RS_LABEL_WORDS 4
#define RS_HEADLINE_WORDS 25
#define RS_CRUMB_WORDS 5
#define RS_BYLINE_WORDS 6

typedef enum {
    RS_RULE_LINE,
    RS_RULE_PREFIX,
    RS_RULE_LIST,
    RS_RULE_KEY,
    RS_RULE_BUTTON,
    RS_RULE_BYLINE,
    RS_N_RULES
} rs_rule_kind;

static const char *const rs_rule_names[RS_N_RULES] = {"line", "prefix", "list", "key", "button", "byline"};

typedef struct rs_rule {
    char *text; /* normalised */
    size_t len;
} rs_rule;

typedef struct rs_rule_set {
    rs_rule *items[RS_N_RULES];
    size_t n[RS_N_RULES];
} rs_rule_set;

static rs_rule_set rs_rules;
static pthread_once_t rs_rules_once = PTHREAD_ONCE_INIT;

void rs_data_each_line(const unsigned char *data, size_t size, rs_data_line_fn fn, void *ctx)
{
    const char *s = (const char *)data;
    size_t number = 0, i = 0;
    while (i < size) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - s) : size;
        size_t a = i, b = end;
        number++;
        i = end + 1;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
            b--;
        if (a < b && s[a] != '#')
            fn(ctx, s + a, b - a, number);
    }
}

/* Trailing colons, slashes and dashes are how furniture is punctuated
 * ("Read more:", "انتهای پیام/"), not part of its words; rules and lines
 * are both compared without them. */
static size_t rs_trimmed_len(const char *s, size_t len)
{
    while (len && strchr(": /|-*.", s[len - 1]))
        len--;
    return len;
}

static void rs_add_rule(void *ctx, const char *line, size_t len, size_t number)
{
    rs_rule_set *set = ctx;
    (void)number; /* the linter reports bad lines; loading skips them */
    size_t k = 0;
    while (k < len && line[k] != ' ' && line[k] != '\t')
        k++;
    for (int kind = 0; kind < RS_N_RULES; kind++) {
        if (strlen(rs_rule_names[kind]) != k || memcmp(line, rs_rule_names[kind], k) != 0 || k == len)
            continue;
        char *norm = rs_normalize_dup(line + k, len - k);
        size_t n = rs_trimmed_len(norm, strlen(norm));
        norm[n] = '\0';
        set->items[kind] = realloc(set->items[kind], (set->n[kind] + 1) * sizeof(rs_rule));
        set->items[kind][set->n[kind]++] = (rs_rule){norm, n};
        return;
    }
}

static void rs_load_rules(void)
{
    rs_data_each_line(rs_data_furniture, rs_data_furniture_size, rs_add_rule, &rs_rules);
}

static int rs_rule_exact(rs_rule_kind kind, const char *s, size_t len)
{
    for (size_t i = 0; i < rs_rules.n[kind]; i++)
        if (rs_rules.items[kind][i].len == len && memcmp(rs_rules.items[kind][i].text, s, len) == 0)
            return 1;
    return 0;
}

static int rs_rule_prefix(const char *s, size_t len)
{
    for (size_t i = 0; i < rs_rules.n[RS_RULE_PREFIX]; i++) {
        const rs_rule *r = &rs_rules.items[RS_RULE_PREFIX][i];
        if (r->len <= len && memcmp(r->text, s, r->len) == 0)
            return 1;
    }
    return 0;
}

/* "KEY: value" with a known key. */
static int rs_rule_key(const char *s, size_t len)
{
    const char *colon = memchr(s, ':', len);
    if (!colon)
        return 0;
    size_t k = (size_t)(colon - s);
    while (k && s[k - 1] == ' ')
        k--;
    return k && rs_rule_exact(RS_RULE_KEY, s, k);
}

/* The line is a button phrase, or every word of it is a button word. */
static int rs_rule_buttons(const char *s, size_t len)
{
    if (rs_rule_exact(RS_RULE_BUTTON, s, len))
        return 1;
    size_t i = 0, words = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '|' && s[j] != '/')
            j++;
        if (j > i) {
            if (!rs_rule_exact(RS_RULE_BUTTON, s + i, j - i))
                return 0;
            words++;
        }
        i = j + 1;
    }
    return words > 0;
}

/* "Read more: headline" on one line: a lead-in with its link. */
static int rs_rule_inline_list(const char *s, size_t len)
{
    for (size_t i = 0; i < rs_rules.n[RS_RULE_LIST]; i++) {
        const rs_rule *r = &rs_rules.items[RS_RULE_LIST][i];
        size_t k = r->len;
        if (r->len >= len || memcmp(r->text, s, r->len) != 0)
            continue;
        while (k < len && s[k] == ' ')
            k++;
        if (k < len && s[k] == ':')
            return 1;
    }
    return 0;
}

static size_t rs_norm_words(const char *s, size_t len)
{
    size_t words = len > 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] == ' ';
    return words;
}

/* "By Staff Reporter", "بقلم ...": a short line opening with a byline word. */
static int rs_rule_byline(const char *s, size_t len)
{
    if (rs_norm_words(s, len) > RS_BYLINE_WORDS)
        return 0;
    for (size_t i = 0; i < rs_rules.n[RS_RULE_BYLINE]; i++) {
        const rs_rule *r = &rs_rules.items[RS_RULE_BYLINE][i];
        if (r->len < len && s[r->len] == ' ' && memcmp(r->text, s, r->len) == 0)
            return 1;
    }
    return 0;
}

/* Whether s[i..] starts a separator of breadcrumbs and metadata strips:
 * " | ", " > ", " / ", " » ", " • ", " · ". Returns its length or 0. */
static size_t rs_crumb_separator(const char *s, size_t len, size_t i)
{
    static const char *const seps[] = {" | ", " > ", " / ", " \xC2\xBB ", " \xE2\x80\xA2 ", " \xC2\xB7 "};
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t n = strlen(seps[k]);
        if (i + n <= len && memcmp(s + i, seps[k], n) == 0)
            return n;
    }
    return 0;
}

/* A breadcrumb or a strip of metadata and links: two or more short parts
 * between separators ("خانه / سیاست / منطقه", "Published May 2 | 3 min read"). */
static int rs_rule_crumbs(const char *s, size_t len)
{
    size_t parts = 0, start = 0, i = 0;
    while (i <= len) {
        size_t sep = i < len ? rs_crumb_separator(s, len, i) : 0;
        if (i < len && !sep) {
            i++;
            continue;
        }
        if (rs_norm_words(s + start, i - start) > RS_CRUMB_WORDS)
            return 0;
        parts++;
        i += sep ? sep : 1;
        start = i;
    }
    return parts >= 2;
}

/* Characters that decorate the start of a line: bullets, dashes, pipes. */
static int rs_is_bullet(uint32_t c)
{
    return c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25E6 || c == 0x00B7 ||
           c == 0x25A0 || c == 0x25BA || c == 0x25B6 || c == 0x2023 || c == 0x2043;
}

/* Where the words of a line start, after bullets and decoration; sets
 * *bulleted when a bullet character was seen. */
static size_t rs_skip_decoration(const char *text, const rs_line *line, int *bulleted)
{
    size_t i = line->start;
    *bulleted = 0;
    while (i < line->end) {
        size_t at = i;
        uint32_t c = rs_utf8_step(text, line->end, &i);
        if (rs_is_bullet(c))
            *bulleted = 1;
        else if (!(c == ' ' || c == '\t' || c == '-' || c == '*' || c == '|' || c == 0xA0 || c == '>'))
            return at;
    }
    return i;
}

int rs_line_ends_sentence(const char *text, const rs_line *line)
{
    size_t i = line->end;
    while (i > line->start) {
        size_t at = i - 1;
        while (at > line->start && ((unsigned char)text[at] & 0xC0) == 0x80)
            at--;
        size_t k = at;
        uint32_t c = rs_utf8_step(text, line->end, &k);
        if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x200C || c == 0x200F || c == ')' || c == ']')
            i = at;
        else
            return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4 ||
                   c == 0xBB || c == '"' || c == 0x201D || c == 0x2019;
    }
    return 0;
}

static int rs_has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

static int rs_is_prose(const char *text, const rs_line *line)
{
    return line->end - line->start > RS_FURNITURE_MAX_BYTES ||
           (line->words > RS_SENTENCE_WORDS && rs_line_ends_sentence(text, line));
}

/* The verdict of the phrase rules on one line; RS_KEEP when none applies.
 * *lead_in is set for a line that introduces a list of headlines. */
static rs_drop rs_judge_phrases(const char *text, const rs_line *line, rs_buf *norm, int *lead_in)
{
    int bulleted;
    size_t from = rs_skip_decoration(text, line, &bulleted);
    *lead_in = 0;
    rs_buf_clear(norm);
    rs_normalize(text + from, line->end - from, norm);
    const char *s = norm->data;
    size_t len = rs_trimmed_len(s, norm->len);
    if (len == 0)
        return bulleted ? RS_DROP_BULLET : RS_KEEP;
    if (rs_rule_exact(RS_RULE_LIST, s, len))
        return *lead_in = 1, RS_DROP_PHRASE;
    if (rs_rule_exact(RS_RULE_LINE, s, len) || rs_rule_prefix(s, len) || rs_rule_inline_list(s, len))
        return RS_DROP_PHRASE;
    if (rs_rule_key(s, len) || rs_rule_byline(s, len))
        return RS_DROP_METADATA;
    if (rs_rule_buttons(s, len))
        return RS_DROP_BUTTONS;
    if (rs_line_ends_sentence(text, line))
        return RS_KEEP;
    if (bulleted)
        return RS_DROP_BULLET;
    return rs_rule_crumbs(s, len) ? RS_DROP_MENU : RS_KEEP;
}

/* A short label: a few words, no digits, no sentence punctuation. */
static int rs_is_label(const char *text, const rs_line *line)
{
    return line->words <= RS_LABEL_WORDS && !rs_line_ends_sentence(text, line) &&
           !rs_has_digit(text + line->start, line->end - line->start) &&
           !memchr(text + line->start, '(', line->end - line->start);
}

static int rs_is_blank(const rs_line *line)
{
    return line->words == 0;
}

/* Runs of two or more labels, not counting the document's first line (a
 * short title), are menus or section names. Blank lines do not break a run. */
static void rs_mark_menus(const char *text, rs_line *lines, size_t n, size_t first)
{
    size_t i = first + 1;
    while (i < n) {
        if (rs_is_blank(&lines[i]) || lines[i].dropped || !rs_is_label(text, &lines[i])) {
            i++;
            continue;
        }
        size_t j = i, count = 0, last = i;
        while (j < n && (rs_is_blank(&lines[j]) || (!lines[j].dropped && rs_is_label(text, &lines[j])))) {
            if (!rs_is_blank(&lines[j]))
                count++, last = j;
            j++;
        }
        for (size_t k = i; count >= 2 && k <= last; k++)
            if (!rs_is_blank(&lines[k]))
                lines[k].dropped = RS_DROP_MENU;
        i = last + 1;
    }
}

static int rs_is_headline(const char *text, const rs_line *line)
{
    return line->words <= RS_HEADLINE_WORDS && !rs_line_ends_sentence(text, line);
}

/* After a lead-in ("Read More", "بیشتر بخوانید"), the headlines it
 * introduces: the following unpunctuated short lines. */
static void rs_mark_list_after(const char *text, rs_line *lines, size_t n, size_t lead)
{
    for (size_t k = lead + 1; k < n; k++) {
        if (rs_is_blank(&lines[k]) || lines[k].dropped)
            continue;
        if (!rs_is_headline(text, &lines[k]))
            return;
        lines[k].dropped = RS_DROP_HEADLINES;
    }
}

/* The unpunctuated lines after the article's last sentence, when there are
 * at least two of them, are a list of related headlines. */
static void rs_mark_trailing_headlines(const char *text, rs_line *lines, size_t n)
{
    size_t k = n, count = 0;
    while (k > 0) {
        const rs_line *l = &lines[k - 1];
        if (!rs_is_blank(l) && !l->dropped) {
            if (!rs_is_headline(text, l))
                break;
            count++;
        }
        k--;
    }
    if (k == 0 || count < 2 || !rs_line_ends_sentence(text, &lines[k - 1]))
        return;
    for (size_t i = k; i < n; i++)
        if (!rs_is_blank(&lines[i]) && !lines[i].dropped)
            lines[i].dropped = RS_DROP_HEADLINES;
}

void rs_furniture_mark(const char *text, rs_line *lines, size_t n)
{
    pthread_once(&rs_rules_once, rs_load_rules);
    rs_buf norm;
    rs_buf_init(&norm);
    size_t first = n;
    int article_started = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].dropped)
            continue;
        if (rs_is_blank(&lines[i]) || rs_is_prose(text, &lines[i])) {
            if (!rs_is_blank(&lines[i]))
                first = first == n ? i : first, article_started = 1;
            continue;
        }
        int lead_in;
        lines[i].dropped = rs_judge_phrases(text, &lines[i], &norm, &lead_in);
        if (first == n && !lines[i].dropped)
            first = i;
        /* A lead-in before the article has begun is a navigation label
         * ("Latest news" above the headline), and what follows is the story. */
        if (lead_in && article_started)
            rs_mark_list_after(text, lines, n, i);
        article_started |= !lines[i].dropped && rs_line_ends_sentence(text, &lines[i]);
    }
    rs_buf_free(&norm);
    if (first < n)
        rs_mark_menus(text, lines, n, first);
    rs_mark_trailing_headlines(text, lines, n);
}

const char *rs_drop_name(rs_drop why)
{
    static const char *const names[] = {"", "phrase", "metadata", "buttons", "menu", "headlines", "bullet"};
    return (unsigned)why < sizeof names / sizeof *names ? names[why] : "";
}

/* ------------------------------------------------------------ linting */

typedef struct rs_lint_state {
    const char *name;
    FILE *out;
    size_t problems;
    rs_rule_set seen;
} rs_lint_state;

static void rs_lint_problem(rs_lint_state *st, size_t line, const char *what, const char *text, size_t len)
{
    fprintf(st->out, "%s:%zu: %s: %.*s\n", st->name, line, what, (int)len, text);
    st->problems++;
}

static void rs_lint_line(void *ctx, const char *line, size_t len, size_t number)
{
    rs_lint_state *st = ctx;
    size_t k = 0;
    while (k < len && line[k] != ' ' && line[k] != '\t')
        k++;
    int kind = -1;
    for (int i = 0; i < RS_N_RULES; i++)
        if (strlen(rs_rule_names[i]) == k && memcmp(line, rs_rule_names[i], k) == 0)
            kind = i;
    if (kind < 0) {
        rs_lint_problem(st, number, "unknown kind (want line, prefix, list, key, button or byline)", line, len);
        return;
    }
    char *norm = rs_normalize_dup(line + k, len - k);
    size_t n = rs_trimmed_len(norm, strlen(norm));
    if (n == 0) {
        rs_lint_problem(st, number, "rule has no text", line, len);
        free(norm);
        return;
    }
    for (size_t i = 0; i < st->seen.n[kind]; i++)
        if (st->seen.items[kind][i].len == n && memcmp(st->seen.items[kind][i].text, norm, n) == 0) {
            rs_lint_problem(st, number, "duplicate rule (same words once normalised)", line, len);
            free(norm);
            return;
        }
    st->seen.items[kind] = realloc(st->seen.items[kind], (st->seen.n[kind] + 1) * sizeof(rs_rule));
    st->seen.items[kind][st->seen.n[kind]++] = (rs_rule){norm, n};
}

size_t rs_furniture_lint(const char *name, const char *data, size_t size, FILE *out)
{
    rs_lint_state st;
    memset(&st, 0, sizeof st);
    st.name = name;
    st.out = out;
    rs_data_each_line((const unsigned char *)data, size, rs_lint_line, &st);
    for (int kind = 0; kind < RS_N_RULES; kind++) {
        for (size_t i = 0; i < st.seen.n[kind]; i++)
            free(st.seen.items[kind][i].text);
        free(st.seen.items[kind]);
    }
    return st.problems;
}
