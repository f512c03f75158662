# The front door. `make` builds build/rasad; `make demo` and `make check` also
# install what a fresh Debian 12 machine is missing (scripts/install-deps).
BUILD     ?= build
ASAN      ?= build-asan
RELEASE   ?= build-release
FUZZDIR   ?= build-fuzz
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
SHARED    ?= ../shared
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps test asan ubsan check fuzz release bench demo clean

all: $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

deps:
	./scripts/install-deps

test: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# ASan and UBSan in one build: make check runs every test under both.
asan:
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DRASAD_SANITIZE=ON
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

ubsan: asan

fuzz:
	CC=clang cmake -S . -B $(FUZZDIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASAD_FUZZ=ON -DRASAD_TESTS=OFF
	cmake --build $(FUZZDIR) -j $(JOBS) --target fuzz_all
	./fuzz/run $(FUZZDIR) $(FUZZ_SECONDS)

check: deps
	$(MAKE) all
	$(MAKE) asan
	@if command -v clang >/dev/null; then $(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SECONDS); else echo "clang missing: fuzzing skipped"; fi

# The optimised build: Release (-O3, link-time optimisation) with the
# compiler's profile feedback from a run on the repository's own test
# documents (bench/train), none of which is in the benchmark corpus.
release:
	rm -rf $(RELEASE)
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DRASAD_TESTS=OFF -DRASAD_PGO=GENERATE
	cmake --build $(RELEASE) -j $(JOBS) --target rasad-cli
	./bench/train $(RELEASE)/rasad
	cmake -S . -B $(RELEASE) -DRASAD_PGO=USE
	cmake --build $(RELEASE) -j $(JOBS) --target rasad-cli

# Benchmarks measure the optimised build, apart from the RelWithDebInfo
# build the tests use.
bench: release
	./bench/run $(RELEASE)/rasad $(SHARED)

demo: deps
	$(MAKE) all
	./scripts/demo $(BUILD)/rasad $(SHARED)

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZDIR) $(RELEASE)
