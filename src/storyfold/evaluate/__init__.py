"""Quality measured on labelled data; one module per kind of evaluation."""
