# embed.cmake: turns a data file into a C source defining
#   const unsigned char <NAME>[]; const size_t <NAME>_size;
# so that the bundled dictionaries travel inside the binary and rasad never
# needs the source tree at run time. Run as: cmake -DIN=.. -DOUT=.. -DNAME=.. -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" body "${body}")
file(WRITE "${OUT}" "/* Generated from ${IN} by cmake/embed.cmake. */\n#include <stddef.h>\nconst unsigned char ${NAME}[] = {\n${body}0x00};\nconst size_t ${NAME}_size = ${size};\n")
