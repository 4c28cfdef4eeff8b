# Hotline — the two commands are `make demo` and `make check`; see README.md.
BUILD      ?= build
BUILD_SAN  ?= build-asan
BUILD_FUZZ ?= build-fuzz
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
CMAKE_COMMON := -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

.PHONY: deps build demo check test test-asan fuzz bench format tidy clean

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# The living demo: `hotline serve --demo` on http://127.0.0.1:$(DEMO_PORT) with simulated callers
# and agents, its users printed at start (docs/server.md). DEMO_SPEED=10 runs the clock ten
# times faster. Stop it with Ctrl-C; the demo center lives on in $(BUILD)/demo.db.
DEMO_PORT  ?= 8080
DEMO_SPEED ?= 1
demo: build
	$(BUILD)/hotline check-config examples/center.yaml
	$(BUILD)/hotline serve --demo --db $(BUILD)/demo.db --port $(DEMO_PORT) --speed $(DEMO_SPEED)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build of every test.
test-asan: deps
	cmake -S . -B $(BUILD_SAN) $(CMAKE_GEN) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DHOTLINE_SANITIZE=ON
	cmake --build $(BUILD_SAN) -j $(JOBS)
	cd $(BUILD_SAN) && HOTLINE_PROPERTY_EVENTS=200000 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang), each run briefly over its seed corpus.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) $(CMAKE_GEN) -DHOTLINE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOTLINE_TESTS=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target fuzz_targets
	scripts/run-fuzzers.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

check: test test-asan fuzz

bench: build
	scripts/run-benchmarks.sh $(BUILD)
	bench/compare_sqlite.sh $(BUILD)
	bench/compare_simpy.py $(BUILD)
	bench/server_load.sh $(BUILD)
	node bench/ws_fanout.mjs 1000 200
	bench/sip_load.sh $(BUILD) 100 200 300
	bench/routing_cost.sh $(BUILD)

format:
	find src tests bench fuzz -name '*.cpp' -o -name '*.h' | xargs clang-format-16 -i

tidy: build
	find src -name '*.cpp' | xargs clang-tidy-16 -p $(BUILD) --quiet

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
