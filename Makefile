# childmaint: the two commands are `make run` and `make test` (README.md).
BUILD ?= build
JOBS ?= $(shell nproc)
CTEST = ctest --test-dir $(BUILD) --no-tests=error --output-on-failure -j $(JOBS)

.PHONY: all deps configure build test test-unit test-golden test-property run bench lint clean

all: build

deps:
	@bash tools/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Every test, label by label (so a missing label fails instead of passing silently).
test: build
	$(CTEST) -L unit
	$(CTEST) -L golden
	$(CTEST) -L property
	$(CTEST) -L e2e

test-unit test-golden test-property test-e2e: build
	$(CTEST) -L $(subst test-,,$@)

run: build
	@bash tools/demo.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

lint: build
	@$(BUILD)/childmaint params lint --today $$(date +%F)

clean:
	rm -rf $(BUILD)
