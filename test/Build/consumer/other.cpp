// other.cpp - unrelated to the entities: changing it must not rerun flowc.
int other() { return 1; }
