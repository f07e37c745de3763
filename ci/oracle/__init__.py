"""The runtime oracle: the official protobuf runtime judges protocompat's verdicts (ci/runtime-oracle.py)."""
