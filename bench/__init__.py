"""Benchmarks: ecsmock side by side with botocore's floor and with moto (`python -m bench`)."""
