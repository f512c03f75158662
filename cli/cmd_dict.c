/*
 * cmd_dict.c - `rasad dict`: work on the dictionaries. `rasad dict check
 * [DIR]` lints the bundled dictionaries and a user's folder of them.
 */
#include "cli.h"

#include <string.h>

static void rs_dict_usage(FILE *f)
{
    fprintf(f, "usage: rasad dict check [DIR]\n"
               "       rasad dict import-petrarch FILE... > DIR/mine.txt\n"
               "check lints the bundled dictionaries, and those in DIR when given.\n"
               "Problems are printed as FILE:LINE: problem; the exit status is 1\n"
               "when there are any.\n"
               "import-petrarch converts PETRARCH / TABARI actor and agent files into\n"
               "rasad's format (docs/dictionaries.md) on standard output; use the\n"
               "result with --dict DIR.\n");
}

static int rs_dict_import(int argc, char **argv)
{
    if (argc < 3) {
        rs_dict_usage(stderr);
        return 2;
    }
    size_t entries = 0;
    for (int i = 2; i < argc; i++)
        entries += rs_import_petrarch(argv[i], stdout, stderr);
    fprintf(stderr, "rasad dict import-petrarch: %zu entries\n", entries);
    return entries ? 0 : 1;
}

int rs_cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        rs_dict_usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "import-petrarch") == 0)
        return rs_dict_import(argc, argv);
    if (argc < 2 || strcmp(argv[1], "check") != 0 || argc > 3) {
        rs_dict_usage(stderr);
        return 2;
    }
    size_t problems = rs_dict_check(argc == 3 ? argv[2] : NULL, stderr);
    if (problems == (size_t)-1)
        return 2;
    if (problems)
        fprintf(stderr, "rasad dict check: %zu problems\n", problems);
    else
        printf("rasad dict check: all dictionaries are clean\n");
    return problems ? 1 : 0;
}
