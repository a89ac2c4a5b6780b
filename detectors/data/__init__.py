"""The compact GB names gazetteer, derived offline by tools/build_gazetteer.py."""
