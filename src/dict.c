/*
 * dict.c - the dictionaries as a whole: which data files rasad bundles,
 * and linting them (`rasad dict check`).
 *
 * Each kind of dictionary file has its own linter next to the code that
 * reads it; this file only knows which linter goes with which file name.
 */
#include "internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

typedef size_t (*rs_lint_fn)(const char *name, const char *data, size_t size, FILE *out);

typedef struct rs_dict_kind {
    const char *file;
    const unsigned char *bundled;
    const size_t *bundled_size;
    rs_lint_fn lint;
} rs_dict_kind;

extern const unsigned char rs_data_dates[];
extern const size_t rs_data_dates_size;
extern const unsigned char rs_data_cameo[];
extern const size_t rs_data_cameo_size;
extern const unsigned char rs_data_lightverbs[];
extern const size_t rs_data_lightverbs_size;

static const rs_dict_kind rs_dict_kinds[] = {
    {"furniture.txt", rs_data_furniture, &rs_data_furniture_size, rs_furniture_lint},
    {"dates.txt", rs_data_dates, &rs_data_dates_size, rs_dates_lint},
    {"cameo.txt", rs_data_cameo, &rs_data_cameo_size, rs_cameo_lint},
    {"lightverbs.txt", rs_data_lightverbs, &rs_data_lightverbs_size, rs_lightverbs_lint},
};

static char *rs_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    rs_buf b;
    rs_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rs_buf_append(&b, chunk, n);
    fclose(f);
    *size = b.len;
    return rs_buf_detach(&b);
}

/* Lints the user's files in dir that have a bundled kind's name. */
static size_t rs_check_user_dir(const char *dir, FILE *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(out, "%s: cannot read the folder\n", dir);
        return (size_t)-1;
    }
    closedir(d);
    size_t problems = 0;
    for (size_t i = 0; i < sizeof rs_dict_kinds / sizeof *rs_dict_kinds; i++) {
        size_t len = strlen(dir) + strlen(rs_dict_kinds[i].file) + 2, size;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, rs_dict_kinds[i].file);
        char *data = rs_read_file(path, &size);
        if (data)
            problems += rs_dict_kinds[i].lint(path, data, size, out);
        free(data);
        free(path);
    }
    return problems;
}

size_t rs_dict_check(const char *user_dir, FILE *out)
{
    size_t problems = 0;
    for (size_t i = 0; i < sizeof rs_dict_kinds / sizeof *rs_dict_kinds; i++) {
        const rs_dict_kind *k = &rs_dict_kinds[i];
        char name[64];
        snprintf(name, sizeof name, "dict/%s", k->file);
        problems += k->lint(name, (const char *)k->bundled, *k->bundled_size, out);
    }
    if (user_dir) {
        size_t more = rs_check_user_dir(user_dir, out);
        if (more == (size_t)-1)
            return more;
        problems += more;
    }
    size_t actors = rs_lexicon_lint(user_dir, out);
    return actors == (size_t)-1 ? actors : problems + actors;
}
