# Lectern: the README's two commands are `make run` and `make test`; both set up first.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
PREFIX ?= /usr/local
SWIFT ?= swift
DECKS ?= Decks

.PHONY: run test setup build release install bench fuzz lint format deck-stats clean

## run: set up, build, and open the shell on the bundled decks
run: setup build
	@exec .build/debug/lectern $(ARGS)

## test: set up, then run every test (unit, store, real binary in a pseudo-terminal)
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt

setup:
	@scripts/setup.sh

build:
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

## install: the binary to PREFIX/bin, the bundled decks to PREFIX/share/lectern/decks, the live class's pages to PREFIX/share/lectern/pages
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lectern/decks/schema $(DESTDIR)$(PREFIX)/share/lectern/pages
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/lectern" $(DESTDIR)$(PREFIX)/bin/lectern
	install -m 644 Decks/*.yaml Decks/README.md $(DESTDIR)$(PREFIX)/share/lectern/decks/
	install -m 644 Decks/schema/*.json $(DESTDIR)$(PREFIX)/share/lectern/decks/schema/
	install -m 644 Pages/*.html Pages/*.js Pages/*.css $(DESTDIR)$(PREFIX)/share/lectern/pages/

## bench: figures and ratios for loading decks, the progress store, the scheduler, hostile input and a live class of 500 clients (release build)
bench: setup
	$(SWIFT) build -c release --product lectern
	$(SWIFT) build -c release --product lectern-bench
	"$$($(SWIFT) build -c release --show-bin-path)/lectern-bench"

## fuzz: libFuzzer over the deck loader and the answer graders, SECONDS each (default 60)
SECONDS ?= 60
FUZZ_TARGETS ?= deck answer
FUZZ_BUILD := .build/fuzz
FUZZ_FLAGS := -c release --scratch-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address \
	-Xswiftc -parse-as-library -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
fuzz: setup
	@for t in $(FUZZ_TARGETS); do $(SWIFT) build $(FUZZ_FLAGS) --product lectern-fuzz-$$t; done
	@scripts/fuzz.sh "$$($(SWIFT) build $(FUZZ_FLAGS) --show-bin-path)" $(SECONDS) $(FUZZ_TARGETS)

## lint: the bundled decks, strictly; each target's imports against Package.swift; the Swift sources' format
lint: build
	.build/debug/lectern lint --strict $(DECKS)
	python3 scripts/check-imports.py
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

## deck-stats: coverage of the bundled decks (types, skills, paragraphs, threads), judged against their targets
deck-stats: build
	.build/debug/lectern deck-stats --targets bundled $(DECKS)

clean:
	rm -rf .build
