import { describe, expect, it } from 'vitest';
import { createVocabulary, fallbackQueries, planQuery } from '../../src/shared/search-query.ts';
import { buildVocabulary, tokenize } from '../../src/lib/search-vocabulary.ts';
import { editDistance } from '../../src/shared/edit-distance.ts';

const vocabulary = createVocabulary(
  buildVocabulary([
    'Terraform builds Auto Scaling groups. Kubernetes runs pods; kubectl cp copies files.',
    'Ansible playbooks push configuration. Gatekeeper and Kyverno enforce policy in Kubernetes.',
    'Terraform IAM roles and policies.',
  ]),
);

describe('edit distance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('terrafrom', 'terraform')).toBe(1);
    expect(editDistance('ansbile', 'ansible')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('stops early past the bound', () => expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3));
});

describe('vocabulary', () => {
  it('keeps words of 3+ letters, most common first', () => {
    const words = buildVocabulary(['Terraform terraform IAM', 'terraform pods']);
    expect(words[0]).toBe('terraform');
    expect(words).toContain('iam');
    expect(words).not.toContain('a');
  });
  it('splits hyphenated and dotted words as well as keeping them whole', () => {
    expect(tokenize('aws-config k8s.io')).toEqual(['aws-config', 'aws', 'config', 'k8s.io', 'k8s', 'io']);
  });
});

describe('query planning', () => {
  it('corrects misspelt words to the nearest word in the index', () => {
    expect(planQuery('terrafrom', vocabulary)).toEqual({
      query: 'terraform',
      corrected: true,
      corrections: [['terrafrom', 'terraform']],
    });
    expect(planQuery('kubernets', vocabulary).query).toBe('kubernetes');
    expect(planQuery('ansbile', vocabulary).query).toBe('ansible');
    expect(planQuery('gatekeper', vocabulary).query).toBe('gatekeeper');
  });
  it('expands DevOps abbreviations', () => {
    expect(planQuery('k8s pods', vocabulary).query).toBe('kubernetes pods');
    expect(planQuery('tf iam role', vocabulary).query).toBe('terraform iam role');
    expect(planQuery('terrafrom asg', vocabulary).query).toBe('terraform auto scaling group');
  });
  it('drops question words that would stop pages matching every word', () => {
    expect(planQuery('how do I copy files with kubectl', vocabulary).query).toBe('copy files kubectl');
    expect(planQuery('how to', vocabulary).query).toBe('how to');
  });
  it('leaves known words, prefixes, numbers and unknown words it cannot place alone', () => {
    expect(planQuery('kube', vocabulary).query).toBe('kubernetes');
    expect(planQuery('kubec', vocabulary)).toMatchObject({ query: 'kubec', corrected: false });
    expect(planQuery('quokka 1.33', vocabulary)).toMatchObject({ query: 'quokka 1.33', corrected: false });
  });
  it('falls back to the words the index knows, then to the most specific word', () => {
    const plan = planQuery('kubectl quokka', vocabulary);
    expect(fallbackQueries(plan, vocabulary)).toEqual(['kubectl']);
    expect(fallbackQueries(planQuery('terraform kubectl', vocabulary), vocabulary)).toEqual(['terraform']);
  });
});

describe('fallback queries', () => {
  const fallbacks = (typed: string) => fallbackQueries(planQuery(typed, vocabulary), vocabulary);
  it('has none for a single word: there is nothing to drop', () => {
    expect(fallbacks('quokka')).toEqual([]);
    expect(fallbacks('terraform')).toEqual([]);
  });
  it('first drops the words the index lacks, then tries the longest known word', () => {
    expect(fallbacks('terraform kubectl quokka')).toEqual(['terraform kubectl', 'terraform']);
  });
  it('counts a prefix of an index word as known, since Pagefind matches prefixes', () => {
    expect(fallbacks('kubec quokka')).toEqual(['kubec']);
  });
  it('with no known word at all, tries the longest word typed', () => {
    expect(fallbacks('quokka wombats')).toEqual(['wombats']);
  });
  it('never repeats a query', () => {
    expect(fallbacks('kubectl quokka')).toEqual(['kubectl']);
  });
});
