# papi: quick start is `make demo` and `make test` on a fresh machine.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PAPI := .build/release/papi
BENCH_ROWS ?= 100000
BENCH_PAIRS ?= 5

.PHONY: deps build demo test bench clean

# System libraries the package links: libcsv (CSV parsing). Installed when missing.
deps:
	@if ! dpkg -s libcsv-dev >/dev/null 2>&1 && [ ! -f /usr/include/csv.h ]; then \
	  echo "make: installing libcsv-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcsv-dev; \
	fi

build: deps
	swift build -c release --product papi

demo: build
	@echo "== papi validate: the KoboToolbox, ODK Central and LimeSurvey samples"
	$(PAPI) validate samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml
	$(PAPI) validate samples/sipas-limesurvey-2024.csv -q questionnaires/sipas-2024.yaml
	@echo
	@echo "== papi score: commune scores of the KoboToolbox sample (Kon Tum)"
	$(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml
	@echo
	@echo "== papi score: one commune in detail, in English"
	$(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml --lang en \
	  --unit $$($(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml --format json \
	    | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"][0]["code"])')
	@echo
	@echo "== papi score: both provinces at province level (computed from respondents)"
	$(PAPI) score samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml --level province
	@echo
	@echo "== papi score: SIPAS satisfaction by commune (LimeSurvey export)"
	$(PAPI) score samples/sipas-limesurvey-2024.csv -q questionnaires/sipas-2024.yaml
	@echo
	@echo "== papi validate: a deliberately broken export (errors expected)"
	-$(PAPI) validate samples/broken/faults.csv -q questionnaires/papi-2024.yaml
	-$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml --encoding cp1258

test: deps
	swift test

# Times `papi score` against the C/libcsv baseline on generated data (BENCH_ROWS rows).
bench: build
	python3 bench/run.py --rows $(BENCH_ROWS) --pairs $(BENCH_PAIRS)

clean:
	rm -rf .build .bench-data
