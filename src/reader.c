/*
 * reader.c - documents in: JSON Lines or plain-text files, directories and
 * standard input.
 *
 * The reader's promise is that bad input costs only itself: a broken line
 * is reported as FILE:LINE: reason and skipped, an over-long line is
 * drained without being stored, binary data and bad bytes never stop the
 * lines after them. JSON is parsed with jansson, one line at a time.
 */
#include "rasad.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A file's first few bad lines are reported one by one; after that only a
 * count, so that a binary file does not flood the terminal. */
#define RS_REPORT_PER_FILE 10
#define RS_DEFAULT_MAX_LINE ((size_t)1 << 30)
#define RS_CHUNK ((size_t)1 << 16)

struct rs_reader {
    rs_reader_options opt;
    char **paths; /* files still to read, in order */
    size_t n_paths, cap_paths, next_path;
    FILE *in;
    char *file; /* the current file's name */
    size_t line;
    size_t file_errors;
    size_t skipped;
    rs_buf raw;   /* the current line as read */
    rs_buf clean; /* the same in clean UTF-8 */
    char chunk[RS_CHUNK];
    size_t chunk_len, chunk_pos;
    int eof;
};

static char *rs_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void rs_doc_free(rs_doc *doc)
{
    free(doc->id);
    free(doc->date);
    free(doc->lang);
    free(doc->url);
    free(doc->title);
    free(doc->source);
    free(doc->text);
    memset(doc, 0, sizeof *doc);
}

/* ------------------------------------------------------------ JSON records */

static int rs_is_iso_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* An optional string field; numbers are accepted for id. */
static char *rs_json_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_string(v))
        return rs_strdup(json_string_value(v));
    if (json_is_integer(v)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
        return rs_strdup(tmp);
    }
    return NULL;
}

int rs_doc_parse_json(const char *line, size_t len, rs_doc *doc, char *why, size_t why_size)
{
    memset(doc, 0, sizeof *doc);
    if (memchr(line, '\0', len)) {
        snprintf(why, why_size, "binary data (NUL byte), not a JSON record");
        return -1;
    }
    /* jansson checks UTF-8 itself, so good lines are parsed as they are and
     * only a failed line pays for the check and the repair. */
    json_error_t err;
    json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &err);
    if (!obj && rs_utf8_valid_prefix(line, len) != len) {
        rs_buf clean;
        rs_buf_init(&clean);
        rs_to_utf8(line, len, &clean);
        obj = json_loadb(clean.data, clean.len, JSON_ALLOW_NUL, &err);
        rs_buf_free(&clean);
    }
    if (!obj) {
        snprintf(why, why_size, "malformed JSON at column %d: %s", err.column, err.text);
        return -1;
    }
    if (!json_is_object(obj)) {
        snprintf(why, why_size, "not a JSON object");
        json_decref(obj);
        return -1;
    }
    json_t *text = json_object_get(obj, "text");
    doc->id = rs_json_field(obj, "id");
    if (!doc->id || !json_is_string(text)) {
        snprintf(why, why_size, "record has no %s", doc->id ? "\"text\" string" : "\"id\"");
        json_decref(obj);
        return -1;
    }
    doc->text_len = json_string_length(text);
    doc->text = malloc(doc->text_len + 1);
    memcpy(doc->text, json_string_value(text), doc->text_len + 1);
    doc->date = rs_json_field(obj, "date");
    doc->lang = rs_json_field(obj, "lang");
    doc->url = rs_json_field(obj, "url");
    doc->title = rs_json_field(obj, "title");
    doc->source = rs_json_field(obj, "source");
    json_decref(obj);
    if (doc->date && !rs_is_iso_date(doc->date)) {
        snprintf(why, why_size, "date '%.40s' is not YYYY-MM-DD; it is ignored", doc->date);
        free(doc->date);
        doc->date = NULL;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ paths */

static void rs_push_path(rs_reader *r, char *path)
{
    if (r->n_paths == r->cap_paths) {
        r->cap_paths = r->cap_paths ? r->cap_paths * 2 : 16;
        r->paths = realloc(r->paths, r->cap_paths * sizeof *r->paths);
        if (!r->paths)
            abort();
    }
    r->paths[r->n_paths++] = path;
}

static int rs_has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Which files a directory contributes: everything for --plain, JSON Lines
 * files otherwise (a directory of articles usually holds other things too). */
static int rs_wanted_file(const rs_reader *r, const char *name)
{
    if (name[0] == '.')
        return 0;
    if (r->opt.plain)
        return 1;
    return rs_has_suffix(name, ".jsonl") || rs_has_suffix(name, ".json") ||
           rs_has_suffix(name, ".ndjson");
}

static int rs_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rs_report(rs_reader *r, const char *file, size_t line, const char *why);

/* Adds a directory's files in name order, descending into subdirectories
 * but not through symbolic links (which could loop). */
static void rs_add_dir(rs_reader *r, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        rs_report(r, dir, 0, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        names[n++] = rs_strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, rs_cmp_names);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, names[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < 64) {
            rs_add_dir(r, path, depth + 1);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && rs_wanted_file(r, names[i])) {
            rs_push_path(r, path);
        } else {
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

rs_reader *rs_reader_new(const rs_reader_options *options)
{
    rs_reader *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    if (options)
        r->opt = *options;
    if (!r->opt.errors)
        r->opt.errors = stderr;
    if (!r->opt.max_line)
        r->opt.max_line = RS_DEFAULT_MAX_LINE;
    rs_buf_init(&r->raw);
    rs_buf_init(&r->clean);
    return r;
}

int rs_reader_add(rs_reader *r, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0) {
        rs_push_path(r, rs_strdup(path));
        return 0;
    }
    if (stat(path, &st) != 0) {
        rs_report(r, path, 0, strerror(errno));
        r->skipped++;
        return -1;
    }
    if (S_ISDIR(st.st_mode))
        rs_add_dir(r, path, 0);
    else
        rs_push_path(r, rs_strdup(path));
    return 0;
}

size_t rs_reader_skipped(const rs_reader *r)
{
    return r->skipped;
}

/* ------------------------------------------------------------ reading */

static void rs_report(rs_reader *r, const char *file, size_t line, const char *why)
{
    if (line)
        fprintf(r->opt.errors, "%s:%zu: %s\n", file, line, why);
    else
        fprintf(r->opt.errors, "%s: %s\n", file, why);
}

/* Reports a bad line of the current file, within the per-file limit. */
static void rs_report_line(rs_reader *r, const char *why)
{
    r->file_errors++;
    if (r->file_errors <= RS_REPORT_PER_FILE)
        rs_report(r, r->file, r->line, why);
}

static void rs_close_file(rs_reader *r)
{
    if (!r->in)
        return;
    if (r->file_errors > RS_REPORT_PER_FILE) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu more bad lines not shown", r->file_errors - RS_REPORT_PER_FILE);
        rs_report(r, r->file, 0, msg);
    }
    if (ferror(r->in))
        rs_report(r, r->file, 0, "read error; the rest of the file is lost");
    if (r->in != stdin)
        fclose(r->in);
    r->in = NULL;
    free(r->file);
    r->file = NULL;
}

/* Opens the next queued file; 0 when there is none left. */
static int rs_open_next(rs_reader *r)
{
    while (r->next_path < r->n_paths) {
        const char *path = r->paths[r->next_path++];
        int is_stdin = strcmp(path, "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            rs_report(r, path, 0, strerror(errno));
            r->skipped++;
            continue;
        }
        r->in = f;
        r->file = rs_strdup(is_stdin ? "<stdin>" : path);
        r->line = 0;
        r->file_errors = 0;
        r->chunk_len = r->chunk_pos = 0;
        r->eof = 0;
        return 1;
    }
    return 0;
}

static int rs_fill(rs_reader *r)
{
    if (r->eof)
        return 0;
    r->chunk_len = fread(r->chunk, 1, RS_CHUNK, r->in);
    r->chunk_pos = 0;
    if (r->chunk_len == 0)
        r->eof = 1;
    return r->chunk_len > 0;
}

/* Reads one line (without its newline) into r->raw. Returns 0 at end of
 * file, 1 for a line, -1 for a line longer than max_line, which is read to
 * its end but not kept. */
static int rs_read_line(rs_reader *r)
{
    rs_buf_clear(&r->raw);
    int too_long = 0, any = 0;
    for (;;) {
        if (r->chunk_pos == r->chunk_len && !rs_fill(r))
            break;
        any = 1;
        const char *start = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        if (!too_long && r->raw.len + take > r->opt.max_line) {
            too_long = 1;
            rs_buf_free(&r->raw);
        }
        if (!too_long)
            rs_buf_append(&r->raw, start, take);
        r->chunk_pos += take + (nl != NULL);
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->line++;
    if (r->raw.len && r->raw.data[r->raw.len - 1] == '\r')
        r->raw.data[--r->raw.len] = '\0';
    return too_long ? -1 : 1;
}

static int rs_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* The next good JSON record of the current file; 0 at its end. */
static int rs_next_json(rs_reader *r, rs_doc *doc)
{
    int got;
    while ((got = rs_read_line(r)) != 0) {
        if (got < 0) {
            rs_report_line(r, "line longer than the limit; skipped");
            r->skipped++;
            continue;
        }
        const char *s = r->raw.data;
        size_t len = r->raw.len;
        if (r->line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, len -= 3;
        if (rs_blank(s, len))
            continue;
        char why[256];
        int rc = rs_doc_parse_json(s, len, doc, why, sizeof why);
        if (rc < 0) {
            rs_doc_free(doc);
            rs_report_line(r, why);
            r->skipped++;
            continue;
        }
        if (rc > 0)
            rs_report(r, r->file, r->line, why);
        doc->file = r->file;
        doc->line = r->line;
        return 1;
    }
    return 0;
}

static const char *rs_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The whole current file as one plain-text document. */
static int rs_next_plain(rs_reader *r, rs_doc *doc)
{
    rs_buf_clear(&r->raw);
    int too_long = 0;
    while (r->chunk_pos < r->chunk_len || rs_fill(r)) {
        size_t avail = r->chunk_len - r->chunk_pos;
        if (r->raw.len + avail > r->opt.max_line)
            too_long = 1;
        if (!too_long)
            rs_buf_append(&r->raw, r->chunk + r->chunk_pos, avail);
        r->chunk_pos = r->chunk_len;
    }
    if (r->line++ > 0)
        return 0;
    if (too_long) {
        rs_report(r, r->file, 0, "file larger than the limit; skipped");
        r->skipped++;
        return 0;
    }
    const char *s = r->raw.data ? r->raw.data : "";
    size_t len = r->raw.len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, len -= 3;
    memset(doc, 0, sizeof *doc);
    rs_buf_clear(&r->clean);
    rs_to_utf8(s, len, &r->clean);
    doc->text_len = r->clean.len;
    doc->text = rs_buf_detach(&r->clean);
    doc->id = rs_strdup(rs_base_name(r->file));
    doc->date = r->opt.date ? rs_strdup(r->opt.date) : NULL;
    doc->file = r->file;
    doc->line = 1;
    return 1;
}

int rs_reader_next(rs_reader *r, rs_doc *doc)
{
    for (;;) {
        if (!r->in && !rs_open_next(r))
            return 0;
        if (r->opt.plain ? rs_next_plain(r, doc) : rs_next_json(r, doc))
            return 1;
        rs_close_file(r);
    }
}

void rs_reader_free(rs_reader *r)
{
    if (!r)
        return;
    rs_close_file(r);
    for (size_t i = 0; i < r->n_paths; i++)
        free(r->paths[i]);
    free(r->paths);
    rs_buf_free(&r->raw);
    rs_buf_free(&r->clean);
    free(r);
}
